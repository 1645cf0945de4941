// OpsDesk killed (SIGKILL) in the middle of delivering a card and started again: the card appears once,
// whether Slack had posted it before the process died or not, and later updates follow in order.
import { afterEach, describe, expect, it, vi } from "vitest";
import { channels, people } from "../../support/desk-config.js";
import { type ReplicaSet, startReplicaSet } from "../../support/replicas.js";

let set: ReplicaSet | undefined;
afterEach(async () => {
  await set?.close();
  set = undefined;
});

async function raise(current: ReplicaSet, title: string): Promise<string> {
  const replica = current.replicas[0];
  if (!replica) throw new Error("no replica");
  await replica.slack.command({
    command: "/incident",
    text: `${title} service:payments`,
    userId: people.rita.slack,
    channelId: channels.slack.incidents,
  });
  const reply = await current.fake.waitForCall(
    "response_url",
    (c) => String(c.args.text ?? "").includes(title),
    10_000,
  );
  const ref = /INC-\d+/.exec(String(reply.args.text))?.[0];
  if (!ref) throw new Error(`no incident raised: ${String(reply.args.text)}`);
  return ref;
}

function cardsOf(current: ReplicaSet, ref: string) {
  return current.fake.messagesIn(channels.slack.payments).filter((m) => m.text.includes(ref));
}

async function killMidDeliveryAndRestart(afterApplying: boolean) {
  // A short lease so the restarted process takes the dead one's delivery over in seconds.
  const current = await startReplicaSet({ count: 1, provider: "sqlite", env: { OPSDESK_CLAIM_LEASE: "2s" } });
  set = current;
  current.fake.stallNext("chat.postMessage", { afterApplying });
  const ref = await raise(
    current,
    afterApplying ? "Killed after Slack posted" : "Killed before Slack posted",
  );
  // The card's post is in flight and will never be answered: kill the process there.
  await current.fake.waitForCall("chat.postMessage", (c) => c.status === 0, 10_000);
  await current.kill(0);
  expect(cardsOf(current, ref)).toHaveLength(afterApplying ? 1 : 0);
  const row = await current.db.outboxMessage.findFirst({ where: { kind: "post_card" } });
  expect(row?.status).toBe("delivering");

  const restarted = await current.restart(0);
  await vi.waitFor(
    async () =>
      expect((await current.db.outboxMessage.findFirst({ where: { kind: "post_card" } }))?.status).toBe(
        "delivered",
      ),
    { timeout: 20_000, interval: 200 },
  );
  await restarted.slack.command({
    command: "/incident",
    text: `ack ${ref}`,
    userId: people.ada.slack,
    channelId: channels.slack.payments,
  });
  await vi.waitFor(
    async () => {
      expect(
        await current.db.outboxMessage.count({ where: { status: { in: ["pending", "delivering"] } } }),
      ).toBe(0);
      expect(JSON.stringify(cardsOf(current, ref)[0]?.blocks)).toContain("In progress");
    },
    { timeout: 20_000, interval: 200 },
  );
  return { current, ref };
}

describe("GIVEN OpsDesk killed while Slack holds its card post unanswered", () => {
  it("WHEN Slack had already posted it THEN after the restart the card is found by its key, not posted again", async () => {
    const { current, ref } = await killMidDeliveryAndRestart(true);

    expect(cardsOf(current, ref)).toHaveLength(1);
    const row = await current.db.outboxMessage.findFirst({ where: { kind: "post_card" } });
    expect(row).toMatchObject({ status: "delivered", attempts: 2 });
    expect(current.fake.callsTo("conversations.history").length).toBeGreaterThan(0);
    // The ack's thread line went under the one card.
    expect(cardsOf(current, ref)[0]?.replies?.length).toBeGreaterThan(0);
    expect(await current.db.outboxMessage.count({ where: { status: "dead" } })).toBe(0);
  }, 90_000);

  it("WHEN Slack had not posted it THEN after the restart the card is posted once, with its update after it", async () => {
    const { current, ref } = await killMidDeliveryAndRestart(false);

    expect(cardsOf(current, ref)).toHaveLength(1);
    const posts = current.fake
      .callsTo("chat.postMessage")
      .filter((c) => c.status === 200 && !c.args.thread_ts);
    expect(posts).toHaveLength(1);
    const update = current.fake.callsTo("chat.update").find((c) => c.status === 200);
    expect(update?.args.ts).toBe(cardsOf(current, ref)[0]?.ts);
    expect(await current.db.outboxMessage.count({ where: { status: "dead" } })).toBe(0);
  }, 90_000);
});
