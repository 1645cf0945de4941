import { z } from "zod";
import type { Tx } from "../db/client.js";
import { chatPlatforms, type OutboxMessageInput } from "./message.js";
import { encodePayload } from "./payload.js";

const inputSchema = z.object({
  idempotencyKey: z.string().min(1).max(500),
  platform: z.enum(chatPlatforms),
  channelId: z.string().min(1),
  orderingKey: z.string().min(1).max(500),
  kind: z.string().min(1),
  at: z.date(),
});

/**
 * Queues a chat side effect inside the caller's transaction, so the message exists if and only if the
 * change that causes it commits. Returns false when a message with the same idempotency key already
 * exists (the cause was queued before): a no-op that leaves the caller's transaction usable.
 *
 * Why `ON CONFLICT DO NOTHING` rather than check-then-insert or catching the unique violation: on
 * PostgreSQL a failed statement aborts the whole transaction, and a check can race with a concurrent
 * transaction queueing the same key. The raw statement is plain SQL both engines accept.
 *
 * Call the dispatcher's `wake()` after the transaction commits so delivery starts at once.
 */
export async function enqueueOutbox(tx: Tx, message: OutboxMessageInput): Promise<boolean> {
  const valid = inputSchema.parse(message);
  const payload = encodePayload({ body: message.body, ref: message.ref ?? null });
  const inserted = await tx.$executeRaw`
    INSERT INTO "OutboxMessage"
      ("idempotencyKey", "platform", "channelId", "orderingKey", "kind", "payload", "status", "attempts",
       "nextAttemptAt", "createdAt")
    VALUES
      (${valid.idempotencyKey}, ${valid.platform}, ${valid.channelId}, ${valid.orderingKey}, ${valid.kind},
       ${payload}, 'pending', 0, ${valid.at}, ${valid.at})
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  return inserted === 1;
}
