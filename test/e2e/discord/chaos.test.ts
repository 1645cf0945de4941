// Discord answers 500 (some after posting) and 429 (with its rate-limit headers) for a while, then
// recovers: every card, edit and thread line arrives exactly once, each card's story in order.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postTextContent } from "../../../src/adapters/discord/render/index.js";
import { readPostText } from "../../../src/kernel/views/post-text.js";
import { slashCommand } from "../../fakes/discord/index.js";
import type { FakeMessage } from "../../fakes/discord/types.js";
import { channels, people } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";

let world: DiscordWorld;
beforeAll(async () => {
  world = await startDiscordWorld("gateway");
});
afterAll(async () => {
  await world?.close();
});

const payments = channels.discord.payments;

async function privateAnswer(options: Parameters<typeof slashCommand>[0], as: string): Promise<string> {
  world.actAs(as);
  const sent = world.fake.sendInteraction(slashCommand({ ...options, channelId: payments }));
  const edit = await world.fake.waitForInteractionResponse(sent.id, 10_000, "edit-original");
  return String((edit.body as { content?: string }).content ?? "");
}

function cardsOf(ref: string): FakeMessage[] {
  return world.fake
    .messagesIn(payments)
    .filter((m) =>
      String((m.embeds[0] as { title?: string } | undefined)?.title ?? "").startsWith(`${ref} `),
    );
}

describe("GIVEN Discord fails and rate-limits for a while, then recovers", () => {
  it("THEN every card, edit and thread line arrives exactly once, each card's in order", async () => {
    // Three creates land but answer 500 (the nonce must make the retry return them), three get 429,
    // edits fail twice with 502 and are rate limited twice, then Discord is fine.
    world.fake.failNext("POST /channels/:id/messages", { status: 500, times: 3, afterApplying: true });
    world.fake.rateLimit("POST /channels/:id/messages", { times: 3, retryAfterSec: 0.5 });
    world.fake.failNext("PATCH /channels/:id/messages/:id", { status: 502, times: 2 });
    world.fake.rateLimit("PATCH /channels/:id/messages/:id", { times: 2, retryAfterSec: 0.5 });

    const refs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const text = await privateAnswer(
        { name: "incident", subcommand: "new", options: { title: `Chaos ${i}`, service: "payments" } },
        people.rita.discord,
      );
      const ref = /INC-\d+/.exec(text)?.[0];
      if (!ref) throw new Error(`no incident raised: ${text}`);
      refs.push(ref);
    }
    for (const ref of refs) {
      expect(
        await privateAnswer({ name: "incident", subcommand: "ack", options: { ref } }, people.ada.discord),
      ).toContain(ref);
      expect(
        await privateAnswer(
          { name: "incident", subcommand: "resolve", options: { ref, code: "fixed", note: "Recovered" } },
          people.otto.discord,
        ),
      ).toContain(ref);
    }

    const db = world.opsdesk.database.db;
    await vi.waitFor(
      async () => {
        await world.settle();
        expect(await db.outboxMessage.count({ where: { status: { in: ["pending", "delivering"] } } })).toBe(
          0,
        );
      },
      { timeout: 60_000, interval: 250 },
    );

    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.filter((r) => r.status !== "delivered")).toEqual([]);
    for (const ref of refs) {
      const cards = cardsOf(ref);
      expect(cards).toHaveLength(1);
      expect(JSON.stringify(cards[0]?.embeds)).toContain("Resolved");
      const incident = await db.incident.findUnique({ where: { number: Number(ref.slice(4)) } });
      const lines = rows
        .filter((r) => r.kind === "thread_reply" && r.orderingKey === `card:incident:${incident?.id}:discord`)
        .map(
          (r) =>
            postTextContent(readPostText((JSON.parse(r.payload) as { body: { text: unknown } }).body.text))
              .content,
        );
      expect(lines.length).toBeGreaterThanOrEqual(2);
      const thread = cards[0]?.thread as { id: string } | undefined;
      expect(world.fake.messagesIn(thread?.id ?? "").map((m) => m.content)).toEqual(lines);
    }
    const calls = world.fake.calls;
    const creates = calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path));
    expect(creates.filter((c) => c.status === 500)).toHaveLength(3);
    expect(creates.filter((c) => c.status === 429)).toHaveLength(3);
    const counts = world.opsdesk.outbox.metrics.snapshot();
    expect(counts.rate_limited).toBeGreaterThanOrEqual(5);
    expect(counts.dead).toBe(0);
  }, 90_000);
});
