import type { Prisma } from "../db/client.js";
import { type ChatPlatform, chatPlatforms, type OutboxRow } from "./message.js";
import { decodePayload } from "./payload.js";

/** An OutboxMessage row as the database returns it. */
export type StoredOutboxRow = Prisma.OutboxMessageModel;

/** The transport's view of a claimed row. Throws when the payload or platform is not understood. */
export function toOutboxRow(stored: StoredOutboxRow): OutboxRow {
  const payload = decodePayload(stored.payload);
  return {
    id: stored.id,
    idempotencyKey: stored.idempotencyKey,
    platform: asPlatform(stored.platform),
    channelId: stored.channelId,
    orderingKey: stored.orderingKey,
    kind: stored.kind,
    body: payload.body,
    ref: payload.ref,
    attempt: stored.attempts,
    previousError: stored.lastError,
    createdAt: stored.createdAt,
  };
}

function asPlatform(value: string): ChatPlatform {
  const platform = chatPlatforms.find((p) => p === value);
  if (!platform) throw new Error(`unknown chat platform "${value}"`);
  return platform;
}
