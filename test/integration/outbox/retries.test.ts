import { describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.js";
import { FakeChatPlatform } from "./support/fake-chat-platform.js";
import { dispatcherFor, newClock, queue, recordingLogger } from "./support/outbox-world.js";

describeEachDatabase("GIVEN posts queued for a channel while the platform struggles", (database) => {
  const db = () => database().handle.db;

  describe("WHEN the platform answers 500, then 429 with Retry-After, then 500, then recovers", () => {
    it("THEN the channel waits as told and shows every post once, in the order it was queued", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const logger = recordingLogger();
      const dispatcher = dispatcherFor(db(), platform, clock, { logger });
      await queue(
        db(),
        clock,
        { key: "order:1", channelId: "C-ORDER", text: "1 INC-1 raised" },
        { key: "order:2", channelId: "C-ORDER", text: "2 INC-1 acknowledged" },
        { key: "order:3", channelId: "C-ORDER", text: "3 INC-1 resolved" },
        { key: "order:other", channelId: "C-OTHER", text: "unrelated channel" },
      );
      platform.answerFor = (row) => (row.channelId === "C-ORDER" ? undefined : { type: "ok" });
      platform.answerNext(
        { type: "server_error", status: 500 },
        { type: "rate_limited", retryAfterSeconds: "30" },
        { type: "server_error", status: 503 },
      );

      // 500: the head backs off (first retry: half of the 1 s base with the pinned jitter); the rest wait.
      await dispatcher.drain();
      expect(platform.channel("C-ORDER")).toEqual([]);
      expect(platform.channel("C-OTHER")).toEqual(["unrelated channel"]);

      // 429 Retry-After: 30 → 30 s plus jitter (10% capped at 1 s, pinned to half: 0.5 s).
      clock.advance(500);
      await dispatcher.drain();
      const orderRequests = () => platform.requests.filter((r) => !r.text.startsWith("unrelated"));
      expect(orderRequests().map((r) => r.answer)).toEqual(["server_error", "rate_limited"]);

      clock.advance(30_499);
      await dispatcher.drain();
      expect(orderRequests()).toHaveLength(2);

      // 503: the second failure backs off within 2 s (pinned: 1 s).
      clock.advance(1);
      await dispatcher.drain();
      expect(platform.channel("C-ORDER")).toEqual([]);

      clock.advance(1_000);
      await dispatcher.drain();
      expect(platform.channel("C-ORDER")).toEqual([
        "1 INC-1 raised",
        "2 INC-1 acknowledged",
        "3 INC-1 resolved",
      ]);
      expect(platform.arrivals.filter((text) => text !== "unrelated channel")).toEqual([
        "1 INC-1 raised",
        "2 INC-1 acknowledged",
        "3 INC-1 resolved",
      ]);

      const head = await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "order:1" } });
      // Two failures and the success count; the rate-limited attempt was given back.
      expect(head).toMatchObject({ status: "delivered", attempts: 3, lastError: "http_503: internal_error" });
      expect(dispatcher.metrics.snapshot()).toEqual({ delivered: 4, retried: 2, dead: 0, rate_limited: 1 });
      expect(logger.entries.filter((e) => e.level === "warn").map((e) => e.fields.code)).toEqual([
        "http_500",
        "http_503",
      ]);
    });
  });

  describe("WHEN the platform fails intermittently for a long while", () => {
    it("THEN every post of every channel arrives exactly once, each channel in order", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const dispatcher = dispatcherFor(db(), platform, clock, { maxAttempts: 50 });
      const channels = ["C-FLAKY-1", "C-FLAKY-2", "C-FLAKY-3"];
      for (let i = 1; i <= 6; i++) {
        await queue(
          db(),
          clock,
          ...channels.map((c) => ({ key: `flaky:${c}:${i}`, channelId: c, text: `${c} #${i}` })),
        );
      }
      // The platform's answers follow its own request count, whichever post a request carries: every third
      // request is rate limited, every other remaining one fails with 502, the rest succeed (requests 1, 5,
      // 7, 11, …: two in six). The 18 posts are in after the 18th success, request 53; before it came
      // 17 rate-limited requests (3, 6, …, 51) and 18 failures (2, 4, 8, 10, …, 52).
      let request = 0;
      platform.answerFor = () => {
        request += 1;
        if (request % 3 === 0) return { type: "rate_limited", retryAfterSeconds: "2" };
        if (request % 2 === 0) return { type: "server_error", status: 502 };
        return { type: "ok" };
      };

      const allArrived = () => channels.every((c) => platform.channel(c).length === 6);
      for (let round = 0; round < 200 && !allArrived(); round++) {
        await dispatcher.drain();
        clock.advance(5_000);
      }

      for (const channel of channels) {
        expect(platform.channel(channel)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `${channel} #${i}`));
      }
      expect(platform.arrivals.filter((text) => text.startsWith("C-FLAKY"))).toHaveLength(18);
      expect(platform.requests).toHaveLength(53);
      expect(dispatcher.metrics.snapshot()).toEqual({
        delivered: 18,
        retried: 18,
        dead: 0,
        rate_limited: 17,
      });
    });
  });

  describe("WHEN one post fails every time", () => {
    it("THEN it is dead-lettered after the allowed attempts, logged and counted, and the channel moves on", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const logger = recordingLogger();
      const dispatcher = dispatcherFor(db(), platform, clock, { logger, maxAttempts: 3 });
      await queue(
        db(),
        clock,
        { key: "dead:1", channelId: "C-DEAD", text: "doomed post" },
        { key: "dead:2", channelId: "C-DEAD", text: "next post" },
      );
      platform.answerFor = (row) =>
        row.idempotencyKey === "dead:1" ? { type: "server_error", status: 500 } : { type: "ok" };

      await dispatcher.drain();
      clock.advance(10_000);
      await dispatcher.drain();
      // Two failures so far: the post behind the failing head still waits.
      expect(platform.channel("C-DEAD")).toEqual([]);

      clock.advance(10_000);
      await dispatcher.drain();
      expect(platform.channel("C-DEAD")).toEqual(["next post"]);
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "dead:1" } }),
      ).toMatchObject({
        status: "dead",
        attempts: 3,
        lastError: "http_500: internal_error",
        deliveredAt: null,
      });
      expect(dispatcher.metrics.snapshot()).toMatchObject({ dead: 1, retried: 2, delivered: 1 });
      const errors = logger.entries.filter((e) => e.level === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]?.fields).toMatchObject({
        idempotencyKey: "dead:1",
        code: "http_500",
        reason: "exhausted",
      });

      clock.advance(3_600_000);
      await dispatcher.drain();
      expect(platform.requests.filter((r) => r.text === "doomed post")).toHaveLength(3);
    });
  });

  describe("WHEN a queued row's payload cannot be read (written by a broken producer)", () => {
    it("THEN it is dead-lettered and logged instead of blocking its channel", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const logger = recordingLogger();
      const dispatcher = dispatcherFor(db(), platform, clock, { logger });
      await db().$transaction((tx) =>
        tx.outboxMessage.create({
          data: {
            idempotencyKey: "garbled:1",
            platform: "slack",
            channelId: "C-GARBLED",
            orderingKey: "slack:C-GARBLED",
            kind: "post_message",
            payload: "{not json",
            nextAttemptAt: clock.now(),
            createdAt: clock.now(),
          },
        }),
      );
      await queue(db(), clock, { key: "garbled:2", channelId: "C-GARBLED", text: "readable" });

      await dispatcher.drain();

      expect(platform.channel("C-GARBLED")).toEqual(["readable"]);
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "garbled:1" } }),
      ).toMatchObject({
        status: "dead",
        lastError: expect.stringMatching(/^invalid_payload: /),
      });
      expect(logger.entries.filter((e) => e.level === "error").map((e) => e.fields.code)).toEqual([
        "invalid_payload",
      ]);
    });
  });

  describe("WHEN the platform refuses a post for good (channel_not_found)", () => {
    it("THEN it is dead at once without retries, and the next post of that channel still arrives", async () => {
      const clock = newClock();
      const platform = new FakeChatPlatform();
      const dispatcher = dispatcherFor(db(), platform, clock);
      await queue(
        db(),
        clock,
        { key: "perm:1", channelId: "C-PERM", text: "to an archived channel" },
        { key: "perm:2", channelId: "C-PERM", text: "after the refusal" },
      );
      platform.answerNext({ type: "permanent", code: "channel_not_found" });

      await dispatcher.drain();

      expect(platform.channel("C-PERM")).toEqual(["after the refusal"]);
      expect(
        await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "perm:1" } }),
      ).toMatchObject({
        status: "dead",
        attempts: 1,
        lastError: "channel_not_found: the platform refused: channel_not_found",
      });
      expect(dispatcher.metrics.snapshot()).toEqual({ delivered: 1, retried: 0, dead: 1, rate_limited: 0 });
    });
  });
});
