import { describe, expect, it } from "vitest";
import { transactionOptions } from "../../../src/db/client.js";
import { ManualClock } from "../../../src/kernel/clock.js";
import { Scheduler } from "../../../src/scheduler/index.js";
import { pruneOldRowsJob } from "../../../src/scheduler/jobs/prune-old-rows.js";
import { silentSchedulerLogger } from "../../../src/scheduler/logger.js";
import { claimRun, finishRun } from "../../../src/scheduler/run-claims.js";
import { describeEachDatabase } from "../../support/databases.js";

const day = 24 * 3_600_000;

describeEachDatabase("GIVEN a week and more of bookkeeping", (database) => {
  const db = () => database().handle.db;

  describe("WHEN the built-in prune job runs", () => {
    it("THEN old finished runs, delivered posts and request ids go; dead letters and recent or running work stay", async () => {
      const now = new Date("2026-11-20T09:00:00.000Z");
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const claim = (job: string, slot: Date, at: Date) =>
        claimRun(db(), { job, slot, replicaId: "old-replica", now: at, leaseMs: 60_000 });
      const finished = async (job: string, slot: Date) => {
        const c = await claim(job, slot, slot);
        if (c) await finishRun(db(), c, slot, null);
      };
      await finished("sweep", ago(8 * day));
      await finished("sweep", ago(2 * day));
      await claim("gone-job", ago(9 * day), ago(9 * day)); // abandoned long ago, lease long expired
      await claim("long-runner", ago(8 * day), ago(1000)); // taken over a second ago: still running
      await db().$transaction(async (tx) => {
        const row = (key: string, status: string, deliveredAt: Date | null) => ({
          idempotencyKey: key,
          platform: "slack",
          channelId: "C-PRUNE",
          orderingKey: "slack:C-PRUNE",
          kind: "post_message",
          payload: JSON.stringify({ body: { text: key }, ref: null }),
          status,
          nextAttemptAt: ago(9 * day),
          createdAt: ago(9 * day),
          deliveredAt,
        });
        await tx.outboxMessage.createMany({
          data: [
            row("prune:old-delivered", "delivered", ago(8 * day)),
            row("prune:recent-delivered", "delivered", ago(day)),
            row("prune:old-dead", "dead", null),
          ],
        });
        await tx.processedRequest.createMany({
          data: [
            { key: "slack:old", platform: "slack", receivedAt: ago(2 * day) },
            { key: "slack:new", platform: "slack", receivedAt: ago(60_000) },
          ],
        });
      }, transactionOptions);

      const scheduler = new Scheduler({ db: db(), clock: new ManualClock(now), replicaId: "replica-a" });
      scheduler.register(pruneOldRowsJob({ db: db(), every: "1h", logger: silentSchedulerLogger }));
      expect((await scheduler.runDue()).map((r) => r.outcome)).toEqual(["succeeded"]);

      const runs = await db().scheduledRun.findMany({ orderBy: [{ job: "asc" }, { slot: "asc" }] });
      expect(runs.map((r) => `${r.job}@${r.slot.toISOString()}`)).toEqual([
        `long-runner@${ago(8 * day).toISOString()}`,
        "prune-old-rows@2026-11-20T09:00:00.000Z",
        `sweep@${ago(2 * day).toISOString()}`,
      ]);
      const outbox = await db().outboxMessage.findMany({ where: { channelId: "C-PRUNE" } });
      expect(outbox.map((r) => r.idempotencyKey).sort()).toEqual([
        "prune:old-dead",
        "prune:recent-delivered",
      ]);
      expect((await db().processedRequest.findMany()).map((r) => r.key)).toEqual(["slack:new"]);
    });
  });
});
