import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../src/db/client.js";
import { systemClock } from "../../../src/kernel/clock.js";
import { describeEachDatabase, secondReplicaDb } from "../../support/databases.js";
import { FakeChatPlatform } from "./support/fake-chat-platform.js";
import { dispatcherFor, newClock, queue } from "./support/outbox-world.js";

describeEachDatabase("GIVEN several OpsDesk replicas sharing one outbox", (database) => {
  const db = () => database().handle.db;
  const secondDb = secondReplicaDb(database);

  describe("WHEN two replicas deliver the same backlog at the same time", () => {
    it("THEN every post arrives exactly once, each channel in order, and both replicas took part", async () => {
      const clock = newClock();
      const channels = ["C-REP-1", "C-REP-2", "C-REP-3", "C-REP-4"];
      for (let i = 1; i <= 10; i++) {
        await queue(
          db(),
          clock,
          ...channels.map((c) => ({ key: `rep:${c}:${i}`, channelId: c, text: `${c} #${i}` })),
        );
      }
      const platform = new FakeChatPlatform();
      platform.latencyMs = 2;
      const options = { pollIntervalMs: 5, batchSize: 2 };
      const a = dispatcherFor(db(), platform, clock, { ...options, replicaId: "replica-a" });
      const b = dispatcherFor(secondDb(), platform, clock, { ...options, replicaId: "replica-b" });

      a.start();
      b.start();
      await vi.waitFor(() => expect(platform.arrivals.length).toBeGreaterThanOrEqual(40), {
        timeout: 20_000,
      });
      await Promise.all([a.stop(), b.stop()]);

      expect(platform.arrivals).toHaveLength(40);
      for (const channel of channels) {
        expect(platform.channel(channel)).toEqual(
          Array.from({ length: 10 }, (_, i) => `${channel} #${i + 1}`),
        );
      }
      const rows = await db().outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "rep:" } } });
      expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.claimedBy))).toEqual(new Set(["replica-a", "replica-b"]));
      expect(a.metrics.snapshot().delivered + b.metrics.snapshot().delivered).toBe(40);
    });
  });

  describe("WHEN four replicas race for the same hundred due posts", () => {
    it("THEN each post is claimed by one replica only and appears exactly once", async () => {
      const clock = newClock();
      const posts = Array.from({ length: 100 }, (_, i) => ({
        key: `race:${i}`,
        channelId: `C-RACE-${i}`,
        text: `race ${i}`,
      }));
      await queue(db(), clock, ...posts);
      const platform = new FakeChatPlatform();
      const extra =
        database().provider === "postgresql"
          ? await Promise.all([openDatabase(database().location), openDatabase(database().location)])
          : [];
      try {
        const handles = [db(), secondDb(), ...extra.map((h) => h.db), db()].slice(0, 4);
        const replicas = handles.map((handle, n) =>
          dispatcherFor(handle, platform, clock, { replicaId: `racer-${n}`, batchSize: 25 }),
        );
        await Promise.all(replicas.map((r) => r.drain()));

        expect(platform.arrivals.filter((t) => t.startsWith("race ")).sort()).toEqual(
          posts.map((p) => p.text).sort(),
        );
        const rows = await db().outboxMessage.findMany({
          where: { idempotencyKey: { startsWith: "race:" } },
        });
        expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ["delivered", 1]));
      } finally {
        await Promise.all(extra.map((h) => h.close()));
      }
    });
  });

  describe("WHEN a replica dies mid-delivery before the platform posted", () => {
    it("THEN another replica delivers the post once its lease expires, and it appears exactly once", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      await queue(
        db(),
        clock,
        { key: "kill:1", channelId: "C-KILL", text: "INC-9 raised" },
        { key: "kill:2", channelId: "C-KILL", text: "INC-9 acknowledged" },
      );
      const dying = dispatcherFor(db(), platform, clock, { replicaId: "dying", leaseMs: 60_000 });
      const survivor = dispatcherFor(secondDb(), platform, clock, { replicaId: "survivor", leaseMs: 60_000 });
      platform.answerNext({ type: "hang" });

      const abandoned = dying.drain();
      await vi.waitFor(() => expect(platform.hungRequests).toBe(1));

      // Within the lease nobody else touches the row, nor the post queued behind it.
      clock.advance(59_999);
      await survivor.drain();
      expect(platform.channel("C-KILL")).toEqual([]);

      clock.advance(1);
      await survivor.drain();
      expect(platform.channel("C-KILL")).toEqual(["INC-9 raised", "INC-9 acknowledged"]);
      expect(platform.requests.map((r) => [r.text, r.attempt])).toEqual([
        ["INC-9 raised", 1],
        ["INC-9 raised", 2],
        ["INC-9 acknowledged", 1],
      ]);

      // The dead replica's connection finally drops: its stale claim changes nothing.
      platform.releaseHung();
      await abandoned;
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "kill:1" } }),
      ).toMatchObject({
        status: "delivered",
        claimedBy: "survivor",
        attempts: 2,
      });
      expect(dying.metrics.snapshot()).toEqual({ delivered: 0, retried: 0, dead: 0, rate_limited: 0 });
      expect(platform.arrivals).toEqual(["INC-9 raised", "INC-9 acknowledged"]);
    });
  });

  describe("WHEN a replica dies after the platform posted but before recording it", () => {
    it("THEN the retry finds the post by its idempotency key and chat still shows it once", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const card = { ticketKind: "incident", ticketId: 12, purpose: "card" };
      await queue(db(), clock, {
        key: "posted:1",
        channelId: "C-POSTED",
        text: "INC-12 card",
        kind: "post_card",
        ref: card,
      });
      const dying = dispatcherFor(db(), platform, clock, { replicaId: "dying" });
      const survivor = dispatcherFor(secondDb(), platform, clock, { replicaId: "survivor" });
      platform.answerNext({ type: "hang", postsFirst: true });

      const abandoned = dying.drain();
      await vi.waitFor(() => expect(platform.hungRequests).toBe(1));
      clock.advance(60_000);
      await survivor.drain();

      expect(platform.channel("C-POSTED")).toEqual(["INC-12 card"]);
      const ref = await db().chatMessageRef.findUniqueOrThrow({
        where: { ticketKind_ticketId_platform_purpose: { ...card, platform: "slack" } },
      });
      expect(ref.messageId).toBe(platform.messages.find((m) => m.text === "INC-12 card")?.messageId);
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "posted:1" } }),
      ).toMatchObject({
        status: "delivered",
        attempts: 2,
        lastError: expect.stringMatching(/^lease_expired/),
      });
      platform.releaseHung();
      await abandoned;
    });
  });

  describe("WHEN a row's every attempt ends with a lost lease", () => {
    it("THEN it is dead-lettered instead of being retried forever", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      await queue(db(), clock, { key: "poison:1", channelId: "C-POISON", text: "crashes the replica" });
      platform.answerFor = (row) => (row.idempotencyKey === "poison:1" ? { type: "hang" } : undefined);
      const replicas = [1, 2, 3].map((n) =>
        dispatcherFor(n % 2 ? db() : secondDb(), platform, clock, {
          replicaId: `crashing-${n}`,
          maxAttempts: 2,
        }),
      );
      const abandoned = [replicas[0]?.drain()];
      await vi.waitFor(() => expect(platform.hungRequests).toBe(1));
      clock.advance(60_000);
      abandoned.push(replicas[1]?.drain());
      await vi.waitFor(() => expect(platform.hungRequests).toBe(2));
      clock.advance(60_000);
      await replicas[2]?.drain();

      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "poison:1" } }),
      ).toMatchObject({
        status: "dead",
        attempts: 2,
      });
      expect(replicas[2]?.metrics.snapshot().dead).toBe(1);
      platform.releaseHung();
      await Promise.all(abandoned);
    });
  });
});

describeEachDatabase("GIVEN a running dispatcher", (database) => {
  const db = () => database().handle.db;

  describe("WHEN a post is committed and the dispatcher is woken", () => {
    it("THEN the post goes out at once instead of at the next poll", async () => {
      const platform = new FakeChatPlatform();
      const dispatcher = dispatcherFor(db(), platform, newClock(), {
        clock: systemClock,
        pollIntervalMs: 3_600_000,
      });
      dispatcher.start();
      try {
        // Let the first (empty) round finish so the dispatcher is idle for an hour.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await queue(db(), newClock(), { key: "wake:1", channelId: "C-WAKE", text: "right away" });
        dispatcher.wake();
        await vi.waitFor(() => expect(platform.channel("C-WAKE")).toEqual(["right away"]), {
          timeout: 5_000,
        });
      } finally {
        await dispatcher.stop();
      }
    });
  });

  describe("WHEN it is stopped while a delivery is in flight", () => {
    it("THEN stop waits for that delivery to finish and be recorded", async () => {
      const platform = new FakeChatPlatform();
      platform.latencyMs = 200;
      const dispatcher = dispatcherFor(db(), platform, newClock(), {
        clock: systemClock,
        pollIntervalMs: 3_600_000,
      });
      await queue(db(), newClock(), { key: "stop:1", channelId: "C-STOP", text: "in flight at shutdown" });
      dispatcher.start();
      await vi.waitFor(() => expect(platform.requests).toHaveLength(1));

      await dispatcher.stop();

      expect(platform.channel("C-STOP")).toEqual(["in flight at shutdown"]);
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "stop:1" } }),
      ).toMatchObject({
        status: "delivered",
      });
    });
  });
});
