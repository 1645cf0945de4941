import { describe, expect, it } from "vitest";
import { transactionOptions } from "../../../src/db/client.js";
import { enqueueOutbox } from "../../../src/outbox/enqueue.js";
import { cardOrderingKey } from "../../../src/outbox/ordering-keys.js";
import { describeEachDatabase } from "../../support/databases.js";
import { FakeChatPlatform } from "./support/fake-chat-platform.js";
import { dispatcherFor, newClock, queue } from "./support/outbox-world.js";

describeEachDatabase("GIVEN a state change that queues a chat post in its transaction", (database) => {
  const db = () => database().handle.db;

  describe("WHEN the transaction rolls back", () => {
    it("THEN neither the change nor the post exists, and nobody sees anything in chat", async () => {
      const clock = newClock();
      await expect(
        db().$transaction(async (tx) => {
          await tx.person.create({ data: { id: "rolled-back", displayName: "Never Saved" } });
          await enqueueOutbox(tx, {
            idempotencyKey: "rollback:1",
            platform: "slack",
            channelId: "C-ROLLBACK",
            orderingKey: "slack:C-ROLLBACK",
            kind: "post_message",
            body: { text: "Person created" },
            at: clock.now(),
          });
          throw new Error("the change failed after queueing its post");
        }, transactionOptions),
      ).rejects.toThrow("the change failed");

      expect(await db().person.findUnique({ where: { id: "rolled-back" } })).toBeNull();
      expect(await db().outboxMessage.count({ where: { idempotencyKey: "rollback:1" } })).toBe(0);
      const platform = new FakeChatPlatform();
      await dispatcherFor(db(), platform, clock).drain();
      expect(platform.channel("C-ROLLBACK")).toEqual([]);
    });
  });

  describe("WHEN the transaction commits", () => {
    it("THEN the post is pending and the dispatcher delivers it once", async () => {
      const clock = newClock();
      await db().$transaction(async (tx) => {
        await tx.person.create({ data: { id: "committed", displayName: "Saved" } });
        const inserted = await enqueueOutbox(tx, {
          idempotencyKey: "commit:1",
          platform: "slack",
          channelId: "C-COMMIT",
          orderingKey: "slack:C-COMMIT",
          kind: "post_message",
          body: { text: "Welcome, Saved" },
          at: clock.now(),
        });
        expect(inserted).toBe(true);
      }, transactionOptions);
      expect(await db().outboxMessage.findUnique({ where: { idempotencyKey: "commit:1" } })).toMatchObject({
        status: "pending",
        attempts: 0,
        platform: "slack",
        kind: "post_message",
      });

      const platform = new FakeChatPlatform();
      const dispatcher = dispatcherFor(db(), platform, clock);
      await dispatcher.drain();
      await dispatcher.drain();
      expect(platform.channel("C-COMMIT")).toEqual(["Welcome, Saved"]);
      expect(await db().outboxMessage.findUnique({ where: { idempotencyKey: "commit:1" } })).toMatchObject({
        status: "delivered",
        attempts: 1,
        deliveredAt: clock.now(),
        claimedBy: "replica-a",
      });
      expect(dispatcher.metrics.snapshot()).toEqual({ delivered: 1, retried: 0, dead: 0, rate_limited: 0 });
    });
  });

  describe("WHEN the same cause queues its post twice", () => {
    it("THEN one row exists, the caller's transaction stays usable, and chat shows the post once", async () => {
      const clock = newClock();
      const results = await db().$transaction(async (tx) => {
        const post = {
          idempotencyKey: "dup:1",
          platform: "slack" as const,
          channelId: "C-DUP",
          orderingKey: "slack:C-DUP",
          kind: "post_message",
          body: { text: "INC-1 raised" },
          at: clock.now(),
        };
        const first = await enqueueOutbox(tx, post);
        const second = await enqueueOutbox(tx, { ...post, body: { text: "a second copy" } });
        // Still usable after the duplicate: on PostgreSQL a failed statement would have aborted it.
        await tx.person.create({ data: { id: "after-duplicate", displayName: "Written After" } });
        return [first, second];
      }, transactionOptions);
      expect(results).toEqual([true, false]);
      expect(await queue(db(), clock, { key: "dup:1", channelId: "C-DUP", text: "a third copy" })).toEqual([
        false,
      ]);

      expect(await db().person.findUnique({ where: { id: "after-duplicate" } })).not.toBeNull();
      expect(await db().outboxMessage.count({ where: { idempotencyKey: "dup:1" } })).toBe(1);
      const platform = new FakeChatPlatform();
      await dispatcherFor(db(), platform, clock).drain();
      expect(platform.channel("C-DUP")).toEqual(["INC-1 raised"]);
    });
  });

  describe("WHEN a card is posted and then updated twice", () => {
    it("THEN chat shows one message edited in place, and its ids are kept as the card's reference", async () => {
      const clock = newClock();
      const card = { ticketKind: "incident", ticketId: 7, purpose: "card" };
      const orderingKey = cardOrderingKey("incident", 7, "slack");
      await queue(db(), clock, {
        key: "inc7:v0:card",
        channelId: "C-CARDS",
        text: "INC-7 New",
        kind: "post_card",
        ref: card,
        orderingKey,
      });
      clock.advance(1_000);
      await queue(db(), clock, {
        key: "inc7:v1:card",
        channelId: "C-CARDS",
        text: "INC-7 In progress",
        kind: "update_card",
        ref: card,
        orderingKey,
      });
      await queue(db(), clock, {
        key: "inc7:v2:card",
        channelId: "C-CARDS",
        text: "INC-7 Resolved",
        kind: "update_card",
        ref: card,
        orderingKey,
      });

      const platform = new FakeChatPlatform();
      await dispatcherFor(db(), platform, clock).drain();

      expect(platform.channel("C-CARDS")).toEqual(["INC-7 Resolved"]);
      expect(platform.arrivals).toEqual([
        "INC-7 New",
        "INC-7 In progress (edited)",
        "INC-7 Resolved (edited)",
      ]);
      const ref = await db().chatMessageRef.findUnique({
        where: { ticketKind_ticketId_platform_purpose: { ...card, platform: "slack" } },
      });
      expect(ref).toMatchObject({
        channelId: "C-CARDS",
        messageId: platform.messages[0]?.messageId,
        threadId: null,
      });
    });
  });
});
