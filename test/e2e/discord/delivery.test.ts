// Discord delivery under Discord's rate limits and failures: the real DiscordTransport (discord.js REST,
// retries off) against the local Discord, then the whole outbox path inside a running OpsDesk. The outbox's
// own retry rules are tested platform-free in test/integration/outbox; this is the Discord end of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordRest } from "../../../src/adapters/discord/rest.js";
import { DiscordTransport } from "../../../src/adapters/discord/transport.js";
import { type DatabaseHandle, openDatabase } from "../../../src/db/client.js";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { actorForPerson } from "../../../src/kernel/people/resolve-actor.js";
import type { Card } from "../../../src/kernel/views/card.js";
import {
  databaseRefStore,
  type OutboxRow,
  PermanentDeliveryError,
  RateLimitedError,
  type RefStore,
  TransientDeliveryError,
} from "../../../src/outbox/index.js";
import { applyIncidentAction } from "../../../src/practices/incidents/apply-incident-action.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/index.js";
import type { RecordedCall } from "../../fakes/discord/types.js";
import { createTestDatabase } from "../../support/databases.js";
import { channels } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";

const card: Card = {
  type: "card",
  title: "INC-1 · Payments API is down",
  badge: { text: "New", intent: "danger" },
  fields: [{ label: "Status", value: "New", inline: true }],
  actions: [],
  links: [],
};

let nextId = 1;
function postCardRow(channelId: string): OutboxRow {
  const id = nextId++;
  return {
    id,
    idempotencyKey: `delivery-test:${id}`,
    platform: "discord",
    channelId,
    orderingKey: `discord:${channelId}`,
    kind: "post_card",
    body: { card },
    ref: null,
    attempt: 1,
    previousError: null,
    createdAt: new Date(),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const postsTo = (channelId: string) => (call: RecordedCall) =>
  call.method === "POST" && call.path === `/channels/${channelId}/messages`;

describe("GIVEN the Discord transport delivering to the local Discord", () => {
  let fake: FakeDiscord;
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let refs: RefStore;
  const signal = new AbortController().signal;
  const channel = "200000000000000001";
  const quiet = "200000000000000002";

  beforeAll(async () => {
    fake = await startFakeDiscord({
      channels: [
        { id: channel, name: "incidents" },
        { id: quiet, name: "quiet" },
      ],
    });
    const created = await createTestDatabase("sqlite");
    dispose = created.dispose;
    handle = await openDatabase(created.location);
    refs = databaseRefStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await dispose?.();
    await fake?.close();
  });

  // A fresh REST client per case: @discordjs/rest remembers exhausted buckets across requests.
  const transport = () => new DiscordTransport(createDiscordRest(fake.token, fake.restBase));

  it("THEN a 429 becomes 'retry after' for at least as long as Discord said, and the bucket is not tried again meanwhile", async () => {
    const discord = transport();
    // A first post teaches the client the route's bucket, as in any running bot.
    await discord.deliver(postCardRow(channel), refs, signal);
    fake.rateLimit(`POST /channels/${channel}/messages`, { retryAfterSec: 1.5 });
    const limited = await failureOf(discord.deliver(postCardRow(channel), refs, signal));
    expect(limited).toBeInstanceOf(RateLimitedError);
    // Discord rounds Retry-After up to whole seconds (2 here); the body says 1.5 s. Never sooner than that.
    expect((limited as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(1_500);
    const sent = fake.calls.filter(postsTo(channel)).length;
    const again = await failureOf(discord.deliver(postCardRow(channel), refs, signal));
    expect(again).toBeInstanceOf(RateLimitedError);
    expect(fake.calls.filter(postsTo(channel)).length).toBe(sent);
    expect(fake.messagesIn(channel)).toHaveLength(1);
  });

  it("THEN a global 429 holds back every route, not only the one that was limited", async () => {
    const discord = transport();
    fake.rateLimit(`POST /channels/${channel}/messages`, { retryAfterSec: 2, global: true });
    expect(await failureOf(discord.deliver(postCardRow(channel), refs, signal))).toBeInstanceOf(
      RateLimitedError,
    );
    const before = fake.calls.length;
    // Opening a major-incident room starts with POST /channels/:id/threads: another route, another bucket.
    const room = { name: "inc-1-payments-api-is-down", card, invite: [] };
    const elsewhere = await failureOf(
      discord.deliver({ ...postCardRow(channel), kind: "open_major_room", body: room }, refs, signal),
    );
    expect(elsewhere).toBeInstanceOf(RateLimitedError);
    expect(fake.calls.length).toBe(before);
  });

  it("THEN a major-incident room whose pin is refused for want of PIN_MESSAGES is delivered, with a warning and a line in the room", async () => {
    const warnings: string[] = [];
    const log = {
      info: () => undefined,
      warn: (_: unknown, message: string) => warnings.push(message),
      error: () => undefined,
    };
    const discord = new DiscordTransport(createDiscordRest(fake.token, fake.restBase), log);
    fake.setBotCanPin(false);
    try {
      const room = { name: "inc-9-pins-refused", card, invite: [] };
      const result = await discord.deliver(
        { ...postCardRow(quiet), kind: "open_major_room", body: room },
        refs,
        signal,
      );
      const roomId = result.message?.channelId ?? "";
      const messages = fake.messagesIn(roomId);
      expect(messages.map((message) => message.pinned)).toEqual([false, false]);
      expect(messages[1]?.content).toContain("Pin Messages permission");
      expect(warnings).toEqual([expect.stringContaining("lacks the Pin Messages permission")]);
    } finally {
      fake.setBotCanPin(true);
    }
  });

  it("THEN a major-incident room whose delivery fails after the room was opened is finished in that same room on the retry", async () => {
    const discord = transport();
    const opens = () =>
      fake.calls.filter((c) => c.method === "POST" && c.path === `/channels/${quiet}/threads`);
    const before = opens().length;
    const row: OutboxRow = {
      ...postCardRow(quiet),
      kind: "open_major_room",
      body: { name: "inc-11-retried-room", card, invite: ["300000000000000011"] },
      ref: { ticketKind: "incident", ticketId: 11, purpose: "major_room" },
    };
    // The room opens, then adding its first member fails: the whole delivery fails and will be retried.
    fake.failNext("PUT /channels/:channelId/thread-members/:userId", { status: 500 });
    expect(await failureOf(discord.deliver(row, refs, signal))).toBeInstanceOf(TransientDeliveryError);
    expect(opens()).toHaveLength(before + 1);

    const retried = await discord.deliver({ ...row, attempt: 2 }, refs, signal);
    expect(opens()).toHaveLength(before + 1);
    const roomId = retried.message?.channelId ?? "";
    expect(fake.threadMembers(roomId)).toContain("300000000000000011");
    expect(fake.messagesIn(roomId).map((message) => message.pinned)).toEqual([true]);
  });

  it("THEN 5xx answers are transient (retried with backoff) and refusals are permanent", async () => {
    const discord = transport();
    for (const status of [500, 502, 503]) {
      fake.failNext(`POST /channels/${quiet}/messages`, { status });
      const failed = await failureOf(discord.deliver(postCardRow(quiet), refs, signal));
      expect(failed).toBeInstanceOf(TransientDeliveryError);
      expect((failed as TransientDeliveryError).code).toBe(`http_${status}`);
    }
    fake.failNext(`POST /channels/${quiet}/messages`, {
      status: 403,
      body: { message: "Missing Access", code: 50001 },
    });
    const refused = await failureOf(discord.deliver(postCardRow(quiet), refs, signal));
    expect(refused).toBeInstanceOf(PermanentDeliveryError);
    expect((refused as PermanentDeliveryError).code).toBe("discord_50001");
    expect(fake.messagesIn(quiet)).toEqual([]);
    const delivered = await discord.deliver(postCardRow(quiet), refs, signal);
    expect(delivered.message?.channelId).toBe(quiet);
    expect(fake.messagesIn(quiet)).toHaveLength(1);
  });
});

describe("GIVEN OpsDesk posting to the local Discord while it rate-limits and fails", () => {
  let world: DiscordWorld;
  beforeAll(async () => {
    world = await startDiscordWorld("gateway");
  });
  afterAll(async () => {
    await world?.close();
  });

  async function actor(personId: string): Promise<Actor> {
    const found = await actorForPerson(world.opsdesk.database.db, personId);
    if (!found) throw new Error(`${personId} is not in the desk`);
    return found;
  }

  it("THEN the card is posted once, no sooner than Retry-After, and the update after a 502 follows in order", async () => {
    const payments = channels.discord.payments;
    const { fake } = world;
    fake.rateLimit(`POST /channels/${payments}/messages`, { retryAfterSec: 1 });
    fake.failNext("PATCH /channels/:channel/messages/:message", { status: 502 });
    const incident = await createIncident(world.opsdesk.incidents, await actor("rita"), {
      title: "Rate limited on Discord",
      impact: "medium",
      urgency: "medium",
      serviceId: "payments",
    });
    const cardOf = () =>
      fake.messagesIn(payments).filter((m) => JSON.stringify(m.embeds).includes(incident.ref));
    const deadline = Date.now() + 10_000;
    while (cardOf().length === 0 && Date.now() < deadline) await world.settle();
    expect(cardOf()).toHaveLength(1);

    await applyIncidentAction(world.opsdesk.incidents, await actor("ada"), incident.number, {
      type: "acknowledge",
    });
    while (!JSON.stringify(cardOf()[0]?.embeds).includes("In progress") && Date.now() < deadline) {
      await world.settle();
    }
    expect(JSON.stringify(cardOf()[0]?.embeds)).toContain("In progress");
    expect(cardOf()).toHaveLength(1);

    const posts = fake.calls.filter(postsTo(payments));
    const limited = posts.filter((call) => call.status === 429);
    const retried = posts.find((call) => call.status === 200 && call.at > (limited[0]?.at ?? 0));
    expect(limited).toHaveLength(1);
    expect((retried?.at ?? 0) - (limited[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    const patches = fake.calls.filter(
      (call) => call.method === "PATCH" && call.path.startsWith(`/channels/${payments}/`),
    );
    expect(patches.map((call) => call.status)).toEqual([502, 200]);
    const thread = (cardOf()[0]?.thread as { id: string } | undefined)?.id ?? "";
    expect(fake.messagesIn(thread).map((m) => m.content)).toEqual([
      expect.stringContaining(`raised ${incident.ref}`),
      expect.stringContaining(`acknowledged ${incident.ref}`),
    ]);
  });
});
