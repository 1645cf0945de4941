import { describe, expect, it, vi } from "vitest";
import type { Db } from "../../../src/db/client.js";
import { ManualClock, systemClock } from "../../../src/kernel/clock.js";
import { type JobRun, Scheduler } from "../../../src/scheduler/index.js";
import { claimRun, finishRun } from "../../../src/scheduler/run-claims.js";
import { describeEachDatabase, secondReplicaDb } from "../../support/databases.js";
import { recordingLogger } from "../outbox/support/outbox-world.js";

const lease = 60_000;

describeEachDatabase("GIVEN a job registered on two replicas", (database) => {
  const db = () => database().handle.db;
  const secondDb = secondReplicaDb(database);

  function replica(name: string, handle: Db, clock: ManualClock, job: string, run: (r: JobRun) => unknown) {
    const logger = recordingLogger();
    const scheduler = new Scheduler({
      db: handle,
      clock,
      replicaId: name,
      leaseMs: lease,
      logger: { ...logger, debug: () => undefined },
    });
    scheduler.register({ name: job, every: "30s", run: async (r) => void (await run(r)) });
    return { scheduler, logger };
  }

  describe("WHEN both reach the same slot at the same moment", () => {
    it("THEN exactly one runs it, and the run is recorded as finished by that replica", async () => {
      const clock = new ManualClock("2026-11-02T09:00:10.000Z");
      const ran: string[] = [];
      const a = replica("replica-a", db(), clock, "race", () => ran.push("a"));
      const b = replica("replica-b", secondDb(), clock, "race", () => ran.push("b"));

      const [fromA, fromB] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);

      expect(ran).toHaveLength(1);
      const outcomes = [...fromA, ...fromB].map((r) => r.outcome).sort();
      expect(outcomes).toEqual(["not_elected", "succeeded"]);
      const rows = await db().scheduledRun.findMany({ where: { job: "race" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        slot: new Date("2026-11-02T09:00:00.000Z"),
        claimedBy: ran[0] === "a" ? "replica-a" : "replica-b",
        attempts: 1,
        error: null,
      });
      expect(rows[0]?.finishedAt).not.toBeNull();
    });
  });

  describe("WHEN ten replicas race for each of five slots", () => {
    it("THEN every slot runs once, never twice, whoever wins it", async () => {
      const clock = new ManualClock("2026-11-02T10:00:00.000Z");
      const runs: string[] = [];
      const handles = database().provider === "postgresql" ? [db(), secondDb()] : [db()];
      const replicas = Array.from({ length: 10 }, (_, n) =>
        replica(`racer-${n}`, handles[n % handles.length] as Db, clock, "ten", (r) =>
          runs.push(r.slot.toISOString()),
        ),
      );
      for (let slot = 0; slot < 5; slot++) {
        await Promise.all(replicas.map((r) => r.scheduler.runDue()));
        clock.advance(30_000);
      }
      expect(runs).toEqual([
        "2026-11-02T10:00:00.000Z",
        "2026-11-02T10:00:30.000Z",
        "2026-11-02T10:01:00.000Z",
        "2026-11-02T10:01:30.000Z",
        "2026-11-02T10:02:00.000Z",
      ]);
    });
  });

  describe("WHEN the job throws", () => {
    it("THEN the error is logged with the job's name and kept on the run, and the next slot runs normally", async () => {
      const clock = new ManualClock("2026-11-02T11:00:00.000Z");
      let calls = 0;
      const a = replica("replica-a", db(), clock, "flaky", () => {
        calls += 1;
        if (calls === 1) throw new Error("the SLA table is locked");
      });

      const first = await a.scheduler.runDue();
      clock.advance(30_000);
      const second = await a.scheduler.runDue();

      expect(first.map((r) => r.outcome)).toEqual(["failed"]);
      expect(second.map((r) => r.outcome)).toEqual(["succeeded"]);
      const failure = a.logger.entries.find((e) => e.level === "error");
      expect(failure).toMatchObject({ message: "scheduled run failed", fields: { job: "flaky" } });
      const rows = await db().scheduledRun.findMany({ where: { job: "flaky" }, orderBy: { slot: "asc" } });
      expect(rows.map((r) => [r.error, r.finishedAt !== null])).toEqual([
        ["the SLA table is locked", true],
        [null, true],
      ]);
      expect(a.scheduler.counts()).toMatchObject({ failed: 1, succeeded: 1 });
    });
  });

  describe("WHEN the replica that claimed a run dies before finishing it", () => {
    it("THEN no one takes it over while its lease holds, and afterwards the next elected run takes it over once", async () => {
      const clock = new ManualClock("2026-11-02T12:00:00.000Z");
      const crashedSlot = new Date("2026-11-02T12:00:00.000Z");
      // replica-a won the slot and died mid-run: its claim is there, unfinished.
      const deadClaim = await claimRun(db(), {
        job: "sweep",
        slot: crashedSlot,
        replicaId: "replica-a",
        now: clock.now(),
        leaseMs: lease,
      });
      expect(deadClaim).not.toBeNull();
      const slots: { slot: string; attempt: number }[] = [];
      const b = replica("replica-b", secondDb(), clock, "sweep", (r) =>
        slots.push({ slot: r.slot.toISOString(), attempt: r.attempt }),
      );

      clock.set("2026-11-02T12:00:30.000Z");
      await b.scheduler.runDue();
      expect(slots).toEqual([{ slot: "2026-11-02T12:00:30.000Z", attempt: 1 }]);

      clock.set("2026-11-02T12:01:00.000Z");
      const reports = await b.scheduler.runDue();
      expect(slots.slice(1)).toEqual([
        { slot: "2026-11-02T12:01:00.000Z", attempt: 1 },
        { slot: "2026-11-02T12:00:00.000Z", attempt: 2 },
      ]);
      expect(reports.filter((r) => r.takeOver).map((r) => r.slot)).toEqual([crashedSlot]);

      clock.set("2026-11-02T12:01:30.000Z");
      await b.scheduler.runDue();
      expect(slots.filter((s) => s.slot === crashedSlot.toISOString())).toHaveLength(1);
      // The dead replica coming back cannot record an outcome over the take-over.
      expect(await finishRun(db(), deadClaim as NonNullable<typeof deadClaim>, clock.now(), null)).toBe(
        false,
      );
      const row = await db().scheduledRun.findUnique({
        where: { job_slot: { job: "sweep", slot: crashedSlot } },
      });
      expect(row).toMatchObject({ claimedBy: "replica-b", attempts: 2 });
      expect(row?.finishedAt).not.toBeNull();
    });
  });

  describe("WHEN stopped while a run is in progress", () => {
    it("THEN stop waits for the run to finish and be recorded", async () => {
      const clock = new ManualClock("2026-11-02T13:00:00.000Z");
      let release: () => void = () => undefined;
      const a = replica(
        "replica-a",
        db(),
        clock,
        "slow",
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      const running = a.scheduler.runDue();
      await vi.waitFor(async () => expect(await db().scheduledRun.count({ where: { job: "slow" } })).toBe(1));
      let stopped = false;
      const stopping = a.scheduler.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      release();
      await Promise.all([running, stopping]);
      const row = await db().scheduledRun.findFirst({ where: { job: "slow" } });
      expect(row?.finishedAt).not.toBeNull();
    });
  });

  describe("WHEN two replicas run on node-cron with real time, every second", () => {
    it("THEN each second's slot is run by exactly one of them", async () => {
      const seen: string[] = [];
      const make = (name: string, handle: Db) => {
        const scheduler = new Scheduler({ db: handle, clock: systemClock, replicaId: name, leaseMs: lease });
        scheduler.register({ name: "tick", every: "1s", run: (r) => void seen.push(r.slot.toISOString()) });
        return scheduler;
      };
      const a = make("replica-a", db());
      const b = make("replica-b", secondDb());
      a.start();
      b.start();
      // Between ticks both replicas have tried the last slot: one ran it, the other lost the election.
      // Stopping at an arbitrary moment could catch a tick half-way (one replica tried, the other not yet),
      // so the loser count is compared at a moment when the pair is settled, read in one synchronous step.
      let settled: { slots: number; notElected: number } | undefined;
      await vi.waitFor(
        () => {
          const notElected = a.counts().not_elected + b.counts().not_elected;
          expect(seen.length).toBeGreaterThanOrEqual(3);
          expect(notElected).toBe(seen.length);
          settled = { slots: seen.length, notElected };
        },
        { timeout: 10_000, interval: 50 },
      );
      await Promise.all([a.stop(), b.stop()]);

      expect(settled?.notElected).toBe(settled?.slots);
      expect(new Set(seen).size).toBe(seen.length);
      const rows = await db().scheduledRun.findMany({ where: { job: "tick" } });
      expect(rows.map((r) => r.slot.toISOString()).sort()).toEqual([...seen].sort());
      expect(rows.every((r) => r.finishedAt !== null)).toBe(true);
    }, 20_000);
  });
});
