// The outbox delivering through the real discord.js REST client (as OpsDesk configures it) to the local
// Discord: its 429s with Retry-After, X-RateLimit-Reset-After, X-RateLimit-Bucket and X-RateLimit-Global
// are honoured, per channel or for the whole platform.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiscordRest } from "../../../src/adapters/discord/rest.js";
import { DiscordTransport } from "../../../src/adapters/discord/transport.js";
import { type DatabaseHandle, openDatabase, transactionOptions } from "../../../src/db/client.js";
import { systemClock } from "../../../src/kernel/clock.js";
import { OutboxDispatcher } from "../../../src/outbox/dispatcher.js";
import { enqueueOutbox } from "../../../src/outbox/enqueue.js";
import { channelOrderingKey } from "../../../src/outbox/ordering-keys.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/index.js";
import type { RecordedCall } from "../../fakes/discord/types.js";
import { createTestDatabase } from "../../support/databases.js";

let handle: DatabaseHandle;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const created = await createTestDatabase("sqlite");
  dispose = created.dispose;
  handle = await openDatabase(created.location);
});
afterAll(async () => {
  await handle.close();
  await dispose();
});

let fake: FakeDiscord;
let dispatcher: OutboxDispatcher;
beforeEach(async () => {
  fake = await startFakeDiscord();
  dispatcher = new OutboxDispatcher({
    db: handle.db,
    transports: [new DiscordTransport(createDiscordRest(fake.token, fake.restBase))],
    clock: systemClock,
    pollIntervalMs: 20,
  });
});
afterEach(async () => {
  await dispatcher.stop();
  await fake.close();
});

let sequence = 0;
async function queue(channelId: string, ...texts: string[]): Promise<void> {
  await handle.db.$transaction(async (tx) => {
    for (const text of texts) {
      await enqueueOutbox(tx, {
        idempotencyKey: `rl:${++sequence}:${text}`,
        platform: "discord",
        channelId,
        orderingKey: channelOrderingKey("discord", channelId),
        kind: "thread_reply",
        body: { text },
        at: new Date(),
      });
    }
  }, transactionOptions);
  dispatcher.wake();
}

const postsTo = (channelId: string) => (c: RecordedCall) =>
  c.method === "POST" && c.path === `/channels/${channelId}/messages`;
const contents = (channelId: string) => fake.messagesIn(channelId).map((m) => m.content);

describe("GIVEN Discord rate-limits one channel's route (bucket) for 1.5 s", () => {
  it("THEN that channel waits at least X-RateLimit-Reset-After, the other channel does not, and all arrive once in order", async () => {
    const [limited, free] = fake.channelIds as [string, string];
    fake.rateLimit(`POST /channels/${limited}/messages`, { times: 1, retryAfterSec: 1.5 });
    dispatcher.start();
    await queue(limited, "L1", "L2");
    await queue(free, "F1", "F2");

    // The platform has the message before the dispatcher records the delivery: wait for both.
    await vi.waitFor(
      () => {
        expect([...contents(limited), ...contents(free)]).toHaveLength(4);
        expect(dispatcher.metrics.snapshot().delivered).toBe(4);
      },
      { timeout: 15_000 },
    );

    expect(contents(limited)).toEqual(["L1", "L2"]);
    expect(contents(free)).toEqual(["F1", "F2"]);
    const limitedCalls = fake.calls.filter(postsTo(limited));
    const refused = limitedCalls.find((c) => c.status === 429);
    const retried = limitedCalls.find((c) => c.status === 200);
    expect(refused?.response).toMatchObject({ retry_after: 1.5, global: false });
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_500);
    // The free channel was not held by the other channel's bucket.
    const freeDone = fake.calls.filter(postsTo(free)).at(-1);
    expect(freeDone?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(retried?.at ?? 0);
    expect(dispatcher.metrics.snapshot()).toMatchObject({ delivered: 4, rate_limited: 1, dead: 0 });
    const rows = await handle.db.outboxMessage.findMany({ where: { channelId: limited } });
    // A rate limit gives its attempt back: the retried row reached the platform on its one counted attempt.
    expect(rows.map((r) => r.attempts)).toEqual([1, 1]);
  }, 30_000);
});

describe("GIVEN Discord answers a global rate limit (X-RateLimit-Global) for 1.5 s", () => {
  it("THEN no request to any channel is sent until it has passed, and then everything arrives once", async () => {
    const [first, other] = fake.channelIds as [string, string];
    fake.rateLimit(`POST /channels/${first}/messages`, { times: 1, retryAfterSec: 1.5, global: true });
    dispatcher.start();
    await queue(first, "G1");
    const refused = await fake.waitForCall((c) => postsTo(first)(c) && c.status === 429);
    await queue(other, "O1", "O2");

    await vi.waitFor(() => expect([...contents(first), ...contents(other)]).toHaveLength(3), {
      timeout: 15_000,
    });

    expect(contents(first)).toEqual(["G1"]);
    expect(contents(other)).toEqual(["O1", "O2"]);
    expect(refused.response).toMatchObject({ retry_after: 1.5, global: true });
    const after = fake.calls.filter((c) => c.at > refused.at && c.method === "POST");
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (const call of after) expect(call.at - refused.at).toBeGreaterThanOrEqual(1_500);
    expect(dispatcher.metrics.snapshot().dead).toBe(0);
  }, 30_000);
});
