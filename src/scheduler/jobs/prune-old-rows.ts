import { type Db, transactionOptions } from "../../db/client.js";
import type { SchedulerLogger } from "../logger.js";
import { pruneRuns } from "../run-claims.js";
import type { JobDefinition } from "../scheduler.js";

/** How long finished bookkeeping is kept. Dead outbox rows are never pruned: someone must look at them. */
export const retention = {
  /** Scheduled runs: long enough to see what ran where over the last week. */
  scheduledRunsMs: 7 * 24 * 3_600_000,
  /** Delivered outbox rows: the audit of what was posted, kept a week. */
  deliveredOutboxMs: 7 * 24 * 3_600_000,
  /** Request ids seen: platforms redeliver within minutes; a day is ample. */
  processedRequestsMs: 24 * 3_600_000,
} as const;

export interface PruneCounts {
  scheduledRuns: number;
  deliveredOutbox: number;
  processedRequests: number;
}

/** Deletes bookkeeping older than its retention; returns what went. Safe to run on any replica, any time. */
export async function pruneOldRows(db: Db, now: Date): Promise<PruneCounts> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const scheduledRuns = await pruneRuns(db, before(retention.scheduledRunsMs), now);
  const { deliveredOutbox, processedRequests } = await db.$transaction(async (tx) => {
    const outbox = await tx.outboxMessage.deleteMany({
      where: { status: "delivered", deliveredAt: { lt: before(retention.deliveredOutboxMs) } },
    });
    const requests = await tx.processedRequest.deleteMany({
      where: { receivedAt: { lt: before(retention.processedRequestsMs) } },
    });
    return { deliveredOutbox: outbox.count, processedRequests: requests.count };
  }, transactionOptions);
  return { scheduledRuns, deliveredOutbox, processedRequests };
}

/** The built-in maintenance job: prunes old rows on one replica per slot. */
export function pruneOldRowsJob(input: { db: Db; every: string; logger: SchedulerLogger }): JobDefinition {
  return {
    name: "prune-old-rows",
    every: input.every,
    async run({ now, slot }) {
      const pruned = await pruneOldRows(input.db, now);
      input.logger.info({ job: "prune-old-rows", slot, ...pruned }, "old rows pruned");
    },
  };
}
