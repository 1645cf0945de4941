// Two real OpsDesk processes on one PostgreSQL database, posting to one local Slack: scheduled runs are
// elected once across them and outbox rows are delivered once, whichever replica queued them.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postTextMrkdwn } from "../../../src/adapters/slack/render/index.js";
import { readPostText } from "../../../src/kernel/views/post-text.js";
import { channels, people } from "../../support/desk-config.js";
import { postgresAvailability } from "../../support/postgres.js";
import { type ReplicaSet, startReplicaSet } from "../../support/replicas.js";

const postgres = await postgresAvailability();
const run = postgres.available ? describe : describe.skip;

run("GIVEN two OpsDesk replicas sharing one PostgreSQL database and one Slack workspace", () => {
  let set: ReplicaSet;
  beforeAll(async () => {
    set = await startReplicaSet({
      count: 2,
      provider: "postgresql",
      // The built-in prune job every second, so both replicas race for a slot every second.
      env: { OPSDESK_MAINTENANCE_EVERY: "1s" },
    });
  }, 60_000);
  afterAll(async () => {
    await set?.close();
  });

  it("THEN every scheduled run is executed by exactly one replica, and the other is told it ran elsewhere", async () => {
    await vi.waitFor(
      () => {
        const { finished, elsewhere } = set.runsOf("prune-old-rows");
        expect(finished.length).toBeGreaterThanOrEqual(5);
        expect(elsewhere.length).toBeGreaterThanOrEqual(3);
      },
      { timeout: 30_000, interval: 200 },
    );
    const { finished, elsewhere } = set.runsOf("prune-old-rows");

    const slots = finished.map((f) => f.slot);
    expect(new Set(slots).size).toBe(slots.length);
    const rows = await set.db.scheduledRun.findMany({ where: { job: "prune-old-rows" } });
    for (const run of finished) {
      const row = rows.find((r) => r.slot.toISOString() === run.slot);
      expect(row).toMatchObject({ claimedBy: run.replicaId, attempts: 1 });
      expect(row?.finishedAt).not.toBeNull();
    }
    // A replica told "elsewhere" lost that slot to the other one, which ran it.
    const settledBefore = Date.now() - 3_000;
    for (const lost of elsewhere.filter((e) => Date.parse(e.slot) < settledBefore)) {
      const winners = finished.filter((f) => f.slot === lost.slot);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.replica).not.toBe(lost.replica);
    }
    expect(
      new Set(set.replicas.map((r) => r.process.logs.find((l) => l.msg === "scheduler started")?.replicaId))
        .size,
    ).toBe(2);
  }, 60_000);

  it("THEN incidents raised and acknowledged through either replica get one card each, updated in order", async () => {
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const replica = set.replicas[i % 2];
      if (!replica) throw new Error("replica missing");
      const result = await replica.slack.command({
        command: "/incident",
        text: `Replica race ${i} service:payments`,
        userId: people.rita.slack,
        channelId: channels.slack.incidents,
      });
      expect(result.status).toBe(200);
      const reply = await set.fake.waitForCall(
        "response_url",
        (c) => String(c.args.text ?? "").includes(`Replica race ${i}`),
        10_000,
      );
      const ref = /INC-\d+/.exec(String(reply.args.text))?.[0];
      if (!ref) throw new Error(`no incident raised: ${String(reply.args.text)}`);
      refs.push(ref);
    }
    for (const [i, ref] of refs.entries()) {
      // Acknowledged through the other replica than the one that raised it.
      const replica = set.replicas[(i + 1) % 2];
      const result = await replica?.slack.command({
        command: "/incident",
        text: `ack ${ref}`,
        userId: people.ada.slack,
        channelId: channels.slack.payments,
      });
      expect(result?.status).toBe(200);
    }

    const cardsOf = (ref: string) =>
      set.fake
        .messagesIn(channels.slack.payments)
        .filter((m) => m.text.includes(`${ref} `) || m.text.includes(`${ref}:`));
    await vi.waitFor(
      async () => {
        expect(
          await set.db.outboxMessage.count({ where: { status: { in: ["pending", "delivering"] } } }),
        ).toBe(0);
        for (const ref of refs) expect(JSON.stringify(cardsOf(ref)[0]?.blocks)).toContain("In progress");
      },
      { timeout: 30_000, interval: 200 },
    );
    for (const ref of refs) expect(cardsOf(ref)).toHaveLength(1);
    const rows = await set.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    // Each card's thread shows its lines once, in the order the changes happened.
    for (const ref of refs) {
      const incident = await set.db.incident.findUnique({ where: { number: Number(ref.slice(4)) } });
      const queued = rows
        .filter((r) => r.kind === "thread_reply" && r.orderingKey === `card:incident:${incident?.id}:slack`)
        .map((r) =>
          postTextMrkdwn(readPostText((JSON.parse(r.payload) as { body: { text: unknown } }).body.text)),
        );
      expect(queued.length).toBeGreaterThan(0);
      expect(cardsOf(ref)[0]?.replies?.map((m) => m.text)).toEqual(queued);
    }
    expect(rows.every((r) => r.status === "delivered")).toBe(true);
    // Each post and update reached Slack once: one postMessage per card row, one update per update row.
    // (The console is on by default and gets its own rows; those are not Slack's.)
    const slackRows = rows.filter((r) => r.platform === "slack");
    const posts = set.fake.callsTo("chat.postMessage").filter((c) => c.status === 200);
    expect(posts.length).toBe(slackRows.filter((r) => r.kind !== "update_card").length);
    expect(set.fake.callsTo("chat.update").filter((c) => c.status === 200).length).toBe(
      slackRows.filter((r) => r.kind === "update_card").length,
    );
  }, 90_000);
});
