import { type Db, transactionOptions } from "../db/client.js";
import type { OutboxRow } from "./message.js";
import { saveChatMessageRef } from "./refs.js";
import type { StoredOutboxRow } from "./stored-row.js";
import type { DeliveryResult } from "./transport.js";

/**
 * Recording a delivery's outcome. Every write is conditional on the claim still being ours: same replica
 * and same attempt number (the attempt count grows with every claim, so it fences off a stale claimant
 * whose lease expired and was taken over). A false return means the claim was lost and nothing changed.
 */
export interface Claim {
  id: number;
  replicaId: string;
  attempts: number;
}

export function claimOf(row: StoredOutboxRow, replicaId: string): Claim {
  return { id: row.id, replicaId, attempts: row.attempts };
}

/** Marks the row delivered and, in the same transaction, stores the message's ids under the row's ref. */
export async function recordDelivered(
  db: Db,
  claim: Claim,
  row: Pick<OutboxRow, "platform" | "ref">,
  result: DeliveryResult,
  now: Date,
): Promise<boolean> {
  const resultJson = JSON.stringify(result);
  return db.$transaction(async (tx) => {
    const touched = await tx.$executeRaw`
      UPDATE "OutboxMessage"
      SET "status" = 'delivered', "deliveredAt" = ${now}, "claimedUntil" = NULL, "resultJson" = ${resultJson}
      WHERE "id" = ${claim.id} AND "status" = 'delivering'
        AND "claimedBy" = ${claim.replicaId} AND "attempts" = ${claim.attempts}`;
    if (touched !== 1) return false;
    if (row.ref && result.message) {
      await saveChatMessageRef(
        tx,
        {
          ...row.ref,
          platform: row.platform,
          channelId: result.message.channelId,
          messageId: result.message.messageId,
          threadId: result.message.threadId ?? null,
        },
        now,
      );
    }
    return true;
  }, transactionOptions);
}

/** Puts the row back in the queue for `nextAttemptAt`; a rate-limited attempt is given back. */
export async function recordRetry(
  db: Db,
  claim: Claim,
  retry: { nextAttemptAt: Date; refundAttempt: boolean; lastError: string },
): Promise<boolean> {
  const refund = retry.refundAttempt ? 1 : 0;
  return db.$transaction(async (tx) => {
    const touched = await tx.$executeRaw`
      UPDATE "OutboxMessage"
      SET "status" = 'pending', "nextAttemptAt" = ${retry.nextAttemptAt}, "claimedBy" = NULL,
          "claimedUntil" = NULL, "attempts" = "attempts" - ${refund}, "lastError" = ${retry.lastError}
      WHERE "id" = ${claim.id} AND "status" = 'delivering'
        AND "claimedBy" = ${claim.replicaId} AND "attempts" = ${claim.attempts}`;
    return touched === 1;
  }, transactionOptions);
}

/** Dead-letters the row: kept with its last error for inspection, never delivered again automatically. */
export async function recordDead(db: Db, claim: Claim, lastError: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const touched = await tx.$executeRaw`
      UPDATE "OutboxMessage"
      SET "status" = 'dead', "claimedUntil" = NULL, "lastError" = ${lastError}
      WHERE "id" = ${claim.id} AND "status" = 'delivering'
        AND "claimedBy" = ${claim.replicaId} AND "attempts" = ${claim.attempts}`;
    return touched === 1;
  }, transactionOptions);
}
