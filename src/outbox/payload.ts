import { z } from "zod";
import type { ChatRefKey } from "./message.js";

/**
 * The `payload` column: the body and the ref travel together as one JSON text so the table stays
 * platform-neutral and new kinds need no migration.
 */
const payloadSchema = z.object({
  body: z.unknown(),
  ref: z
    .object({ ticketKind: z.string().min(1), ticketId: z.number().int(), purpose: z.string().min(1) })
    .nullable(),
});

export interface OutboxPayload {
  body: unknown;
  ref: ChatRefKey | null;
}

export function encodePayload(payload: OutboxPayload): string {
  if (payload.body === undefined) throw new TypeError("An outbox message needs a body (JSON-serialisable).");
  return JSON.stringify({ body: payload.body, ref: payload.ref });
}

/** Throws when the text is not a payload this version understands; the dispatcher dead-letters such rows. */
export function decodePayload(text: string): OutboxPayload {
  const parsed = payloadSchema.parse(JSON.parse(text));
  return { body: parsed.body, ref: parsed.ref };
}
