// The real Bolt app inside OpsDesk, driven by correctly signed requests, posting to the local Slack. The
// incident scenarios themselves run in the contract suite (test/contract) on every platform; this file keeps
// what is Slack's own: errors beside modal fields, permalinks, Retry-After, auth.test, request signing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels, people } from "../../support/desk-config.js";
import { type SlackWorld, startSlackWorld } from "../../support/slack-world.js";

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
});
afterAll(async () => {
  await world?.close();
});

/** Marks the private replies seen so far, so the next wait only matches a new one. */
function repliesSoFar(): (c: unknown) => boolean {
  const seen = new Set<unknown>(world.fake.callsTo("response_url"));
  return (c) => !seen.has(c);
}

/** The text of the first new private reply (through the command's response_url). */
async function privateReplyAfter(isNew: (c: unknown) => boolean): Promise<string> {
  const call = await world.fake.waitForCall("response_url", isNew);
  expect(call.args.response_type).toBe("ephemeral");
  return String(call.args.text ?? "");
}

function cardsIn(channel: string) {
  return world.fake.messagesIn(channel).filter((m) => m.user === world.fake.botUserId || m.bot_id);
}

function cardFor(channel: string, ref: string) {
  const card = cardsIn(channel).find((m) => m.text.includes(ref));
  if (!card) throw new Error(`no card for ${ref} in ${channel}`);
  return card;
}

async function raise(text: string, userId: string = people.rita.slack): Promise<string> {
  const isNew = repliesSoFar();
  const result = await world.slack.command({
    command: "/incident",
    text,
    userId,
    channelId: channels.slack.incidents,
  });
  expect(result.status).toBe(200);
  const reply = await privateReplyAfter(isNew);
  const ref = /INC-\d+/.exec(reply)?.[0];
  if (!ref) throw new Error(`no incident raised: ${reply}`);
  await world.settle();
  return ref;
}

async function click(ref: string, action: string, userId: string, channel: string = channels.slack.payments) {
  const card = cardFor(channel, ref);
  const at = world.fake.now();
  const result = await world.slack.blockAction({
    actionId: `incident.${action}`,
    value: ref,
    userId,
    channelId: channel,
    messageTs: card.ts,
  });
  expect(result.status).toBe(200);
  return { result, at };
}

describe("GIVEN OpsDesk connected to Slack", () => {
  it("THEN an empty title in the form is shown next to the field and nothing is created", async () => {
    const before = await world.opsdesk.database.db.incident.count();
    const openedBefore = world.fake.callsTo("views.open").length;
    await world.slack.command({
      command: "/incident",
      text: "",
      userId: people.rita.slack,
      channelId: channels.slack.incidents,
    });
    await world.fake.waitForCall("views.open", () => world.fake.callsTo("views.open").length > openedBefore);
    const view = world.fake.openViews(people.rita.slack).at(-1);
    const submitted = await world.slack.viewSubmission({
      callbackId: "incident.new",
      userId: people.rita.slack,
      viewId: view?.id ?? "",
      values: { "field.title": { title: { type: "plain_text_input", value: "   " } } },
    });
    const body = JSON.parse(submitted.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["field.title"]);
    expect(await world.opsdesk.database.db.incident.count()).toBe(before);
  });

  it("THEN the message shortcut opens the form prefilled with the message and its permalink", async () => {
    const posted = await fetch(`${world.fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.fake.botToken}`, "content-type": "application/json" },
      body: JSON.stringify({ channel: channels.slack.incidents, text: "Checkout returns 502 since 10:02" }),
    }).then((r) => r.json() as Promise<{ ts: string }>);
    const at = world.fake.now();
    await world.slack.messageShortcut({
      callbackId: "raise_incident",
      channelId: channels.slack.incidents,
      userId: people.rita.slack,
      message: { text: "Checkout returns 502 since 10:02", ts: posted.ts, user: people.rita.slack },
    });
    const opened = await world.fake.waitForCall("views.open", (c) => c.time >= at);
    const view = JSON.stringify(opened.args.view);
    expect(view).toContain("Checkout returns 502 since 10:02");
    expect(view).toContain("From Slack:");
  });
});

describe("GIVEN Slack rate-limits and fails for a while", () => {
  it("THEN the card is posted once, after Retry-After, and later updates follow in order", async () => {
    world.fake.rateLimit("chat.postMessage", { times: 1, retryAfterSec: 1 });
    world.fake.failNext("chat.update", { status: 500, times: 1 });
    const ref = await raise("Rate limited post service:payments");
    const deadline = Date.now() + 10_000;
    while (!cardsIn(channels.slack.payments).some((m) => m.text.includes(ref)) && Date.now() < deadline) {
      await world.settle();
    }
    await click(ref, "acknowledge", people.ada.slack);
    while (
      !JSON.stringify(cardFor(channels.slack.payments, ref).blocks).includes("In progress") &&
      Date.now() < deadline
    ) {
      await world.settle();
    }
    expect(cardsIn(channels.slack.payments).filter((m) => m.text.includes(ref))).toHaveLength(1);
    expect(JSON.stringify(cardFor(channels.slack.payments, ref).blocks)).toContain("In progress");
    const rateLimited = world.fake.callsTo("chat.postMessage").filter((c) => c.status === 429);
    expect(rateLimited.length).toBe(1);
  });
});

describe("GIVEN many commands", () => {
  it("THEN Slack's auth.test is asked at most once, not before every acknowledgement", async () => {
    expect(world.fake.callsTo("auth.test").length).toBeLessThanOrEqual(1);
  });
});

describe("GIVEN requests that did not come from Slack", () => {
  it("THEN a wrong signature is refused with 401 and nothing happens", async () => {
    const before = await world.opsdesk.database.db.incident.count();
    const result = await world.slack.command(
      { command: "/incident", text: "Forged", userId: people.ada.slack, channelId: channels.slack.incidents },
      { badSignature: true },
    );
    expect(result.status).toBe(401);
    expect(await world.opsdesk.database.db.incident.count()).toBe(before);
  });

  it("THEN timestamps more than five minutes in the past or in the future are refused", async () => {
    for (const skewSeconds of [-301, 301, 600]) {
      const result = await world.slack.command(
        {
          command: "/incident",
          text: "Replay",
          userId: people.ada.slack,
          channelId: channels.slack.incidents,
        },
        { skewSeconds },
      );
      expect(result.status).toBe(401);
    }
  });
});
