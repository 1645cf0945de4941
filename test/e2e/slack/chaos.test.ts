// Slack answers 500 (some after posting) and 429 for a while, then recovers: every card, update and
// thread line reaches the channel exactly once, each card's story in order.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postTextMrkdwn } from "../../../src/adapters/slack/render/index.js";
import { readPostText } from "../../../src/kernel/views/post-text.js";
import { channels, people } from "../../support/desk-config.js";
import { type SlackWorld, startSlackWorld } from "../../support/slack-world.js";

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
});
afterAll(async () => {
  await world?.close();
});

/** Rita raises an incident with /incident; resolves with its reference from her private confirmation. */
async function raiseAsRita(text: string): Promise<string> {
  const before = world.fake.callsTo("response_url").length;
  await world.slack.command({
    command: "/incident",
    text,
    userId: people.rita.slack,
    channelId: channels.slack.incidents,
  });
  await vi.waitFor(() => expect(world.fake.callsTo("response_url").length).toBeGreaterThan(before));
  const ref = /INC-\d+/.exec(String(world.fake.callsTo("response_url")[before]?.args.text))?.[0];
  if (!ref) throw new Error("no incident raised");
  return ref;
}

describe("GIVEN Slack fails and rate-limits for a while, then recovers", () => {
  it("THEN every card, update and thread line arrives exactly once, each card's in order", async () => {
    // Three posts land but answer 500 (the retry must find them), three get 429, then Slack is fine.
    world.fake.failNext("chat.postMessage", { status: 500, times: 3, afterApplying: true });
    world.fake.rateLimit("chat.postMessage", { times: 3, retryAfterSec: 1 });
    world.fake.failNext("chat.update", { status: 503, times: 2 });
    world.fake.rateLimit("chat.update", { times: 2, retryAfterSec: 1 });

    const refs: string[] = [];
    for (let i = 0; i < 4; i++) {
      refs.push(await raiseAsRita(`Chaos ${i} service:payments`));
    }
    for (const ref of refs) {
      await world.slack.command({
        command: "/incident",
        text: `ack ${ref}`,
        userId: people.ada.slack,
        channelId: channels.slack.payments,
      });
      await world.slack.command({
        command: "/incident",
        text: `resolve ${ref} code:fixed note:"Recovered after the outage"`,
        userId: people.otto.slack,
        channelId: channels.slack.payments,
      });
    }

    const db = world.opsdesk.database.db;
    await vi.waitFor(
      async () => {
        await world.settle();
        expect(await db.outboxMessage.count({ where: { status: { in: ["pending", "delivering"] } } })).toBe(
          0,
        );
        const incidents = await db.incident.findMany({ where: { status: "resolved" } });
        expect(incidents.length).toBeGreaterThanOrEqual(refs.length);
      },
      { timeout: 60_000, interval: 250 },
    );

    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.filter((r) => r.status !== "delivered")).toEqual([]);
    for (const ref of refs) {
      const cards = world.fake.messagesIn(channels.slack.payments).filter((m) => m.text.includes(ref));
      expect(cards).toHaveLength(1);
      expect(JSON.stringify(cards[0]?.blocks)).toContain("Resolved");
      const incident = await db.incident.findUnique({ where: { number: Number(ref.slice(4)) } });
      const lines = rows
        .filter((r) => r.kind === "thread_reply" && r.orderingKey === `card:incident:${incident?.id}:slack`)
        .map((r) =>
          postTextMrkdwn(readPostText((JSON.parse(r.payload) as { body: { text: unknown } }).body.text)),
        );
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(cards[0]?.replies?.map((m) => m.text)).toEqual(lines);
    }
    // The outage really happened, and the dispatcher counted what it went through.
    expect(world.fake.callsTo("chat.postMessage").filter((c) => c.status === 500)).toHaveLength(3);
    expect(world.fake.callsTo("chat.postMessage").filter((c) => c.status === 429)).toHaveLength(3);
    expect(world.fake.callsTo("chat.update").filter((c) => c.status >= 429)).toHaveLength(4);
    const counts = world.opsdesk.outbox.metrics.snapshot();
    expect(counts.rate_limited).toBeGreaterThanOrEqual(5);
    expect(counts.retried).toBeGreaterThanOrEqual(5);
    expect(counts.dead).toBe(0);
  }, 90_000);
});

describe("GIVEN Slack fails a step after the major-incident room was created", () => {
  it("THEN the retry finishes that same room: one channel, one pinned summary, one link line on the card", async () => {
    const ref = await raiseAsRita("Checkout is down service:payments");
    await world.settle();

    // The channel is created and the summary posted, then pinning it fails: the delivery is retried.
    world.fake.failNext("pins.add", { status: 500 });
    const created = world.fake.callsTo("conversations.create").length;
    await world.slack.command({
      command: "/incident",
      text: `major ${ref}`,
      userId: people.ada.slack,
      channelId: channels.slack.payments,
    });
    await vi.waitFor(
      async () => {
        await world.settle();
        expect(world.fake.callsTo("pins.add").filter((c) => c.status === 200)).toHaveLength(1);
      },
      { timeout: 30_000, interval: 250 },
    );

    expect(world.fake.callsTo("pins.add").filter((c) => c.status === 500)).toHaveLength(1);
    const opened = world.fake.callsTo("conversations.create").slice(created);
    expect(opened.map((c) => c.status)).toEqual([200]);
    const room = String((opened[0]?.response as { channel?: { id?: string } } | undefined)?.channel?.id);
    const summaries = world.fake.messagesIn(room).filter((m) => m.text.includes(ref));
    expect(summaries).toHaveLength(1);
    const card = world.fake.messagesIn(channels.slack.payments).find((m) => m.text.includes(ref));
    const links = (card?.replies ?? []).filter((m) => m.text.startsWith("Major incident room"));
    expect(links.map((m) => m.text)).toEqual([`Major incident room: <#${room}>`]);
  }, 60_000);
});

describe("GIVEN Slack shares a chart but its answer to files.completeUploadExternal is lost", () => {
  it("THEN the retry finds the chart by its keyed file name and the person gets it once", async () => {
    world.fake.failNext("files.completeUploadExternal", { status: 500, afterApplying: true });
    const completed = world.fake.callsTo("files.completeUploadExternal").length;
    await world.slack.command({
      command: "/report",
      text: "backlog",
      userId: people.ada.slack,
      channelId: channels.slack.payments,
    });
    await vi.waitFor(
      async () => {
        await world.settle();
        const db = world.opsdesk.database.db;
        expect(await db.outboxMessage.count({ where: { kind: "direct_image", status: "delivered" } })).toBe(
          1,
        );
      },
      { timeout: 30_000, interval: 250 },
    );
    expect(
      world.fake
        .callsTo("files.completeUploadExternal")
        .slice(completed)
        .map((c) => c.status),
    ).toEqual([500]);
    const dm = world.fake.directChannelOf(people.ada.slack) ?? "";
    const charts = world.fake.messagesIn(dm).flatMap((m) => m.files ?? []);
    expect(charts.map((file) => file.title)).toEqual(["Open tickets by age"]);
    expect(world.fake.callsTo("files.list").map((c) => c.status)).toEqual([200]);
  }, 60_000);
});
