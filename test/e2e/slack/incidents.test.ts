// The real Bolt app inside OpsDesk, driven by correctly signed requests, posting to the local Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signSlackRequest } from "../../fakes/slack/signer.js";
import { channels, people, stranger } from "../../support/desk-config.js";
import { type SlackWorld, signingSecret, startSlackWorld } from "../../support/slack-world.js";

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
  it("THEN /incident <text> raises an incident, answers privately and posts the card to the service's channel", async () => {
    const ref = await raise("Payments API is down impact:high urgency:high service:payments");
    const card = cardFor(channels.slack.payments, ref);
    expect(card.text).toContain("Payments API is down");
    const buttons = JSON.stringify(card.blocks);
    expect(buttons).toContain("incident.acknowledge");
    expect(buttons).toContain("Declare major");
    expect(card.replies?.[0]?.text).toContain(`Rita Reporter raised ${ref}`);
  });

  it("THEN an incident without a service goes to the default incidents channel", async () => {
    const ref = await raise("Printer on floor 3 jams");
    expect(cardFor(channels.slack.incidents, ref).text).toContain("Printer on floor 3 jams");
  });

  it("THEN /incident with no text opens the form, and submitting it raises the incident", async () => {
    const at = world.fake.now();
    await world.slack.command({
      command: "/incident",
      text: "",
      userId: people.rita.slack,
      channelId: channels.slack.incidents,
    });
    const opened = await world.fake.waitForCall("views.open", (c) => c.time >= at);
    expect(JSON.stringify(opened.args.view)).toContain("incident.new");
    const view = world.fake.openViews(people.rita.slack).at(-1);
    expect(view).toBeDefined();
    const submitted = await world.slack.viewSubmission({
      callbackId: "incident.new",
      userId: people.rita.slack,
      viewId: view?.id ?? "",
      values: {
        "field.title": { title: { type: "plain_text_input", value: "Login page blank" } },
        "field.impact": { impact: { type: "static_select", selected_option: { value: "high" } } },
        "field.urgency": { urgency: { type: "static_select", selected_option: { value: "low" } } },
      },
    });
    expect(submitted.status).toBe(200);
    const reply = await world.fake.waitForCall("chat.postEphemeral", (c) => c.time >= at);
    expect(String(reply.args.text)).toMatch(/INC-\d+ is raised with priority P3: Login page blank/);
  });

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

  it("THEN Acknowledge updates the one card in place and adds a line in its thread", async () => {
    const ref = await raise("Card updates in place service:payments");
    const before = cardFor(channels.slack.payments, ref);
    await click(ref, "acknowledge", people.ada.slack);
    await world.fake.waitForCall("response_url", (c) =>
      String(c.args.text).includes(`You acknowledged ${ref}`),
    );
    await world.settle();
    const after = cardFor(channels.slack.payments, ref);
    expect(after.ts).toBe(before.ts);
    expect(JSON.stringify(after.blocks)).toContain("In progress");
    expect(JSON.stringify(after.blocks)).not.toContain("incident.acknowledge");
    expect(after.replies?.map((r) => r.text)).toContain(`Ada Agent acknowledged ${ref}.`);
    expect(cardsIn(channels.slack.payments).filter((m) => m.text.includes(ref))).toHaveLength(1);
  });

  it("THEN someone without the agent role is refused privately and nothing changes", async () => {
    const ref = await raise("Refusal case service:payments");
    await click(ref, "acknowledge", stranger.slack);
    const refusal = await world.fake.waitForCall("response_url", (c) =>
      String(c.args.text).includes("Only agents"),
    );
    expect(refusal.args.response_type).toBe("ephemeral");
    const incident = await world.opsdesk.database.db.incident.findUnique({
      where: { number: Number(ref.slice(4)) },
    });
    expect(incident?.status).toBe("new");
  });

  it("THEN a double click acknowledges once and the second click is told it was already done", async () => {
    const ref = await raise("Double click service:payments");
    const first = click(ref, "acknowledge", people.ada.slack);
    const second = click(ref, "acknowledge", people.otto.slack);
    await Promise.all([first, second]);
    await world.fake.waitForCall("response_url", (c) =>
      String(c.args.text).includes(`${ref} was already acknowledged`),
    );
    await world.settle();
    const timeline = await world.opsdesk.database.db.timelineEntry.count({
      where: {
        kind: "acknowledged",
        ticketId: (
          await world.opsdesk.database.db.incident.findUniqueOrThrow({
            where: { number: Number(ref.slice(4)) },
          })
        ).id,
      },
    });
    expect(timeline).toBe(1);
  });

  it("THEN a button that needs input opens its form, and the resolution is applied on submit", async () => {
    const ref = await raise("Needs a resolution service:payments", people.rita.slack);
    await click(ref, "acknowledge", people.ada.slack);
    const at = world.fake.now();
    await click(ref, "resolve", people.ada.slack);
    const opened = await world.fake.waitForCall("views.open", (c) => c.time >= at);
    expect(JSON.stringify(opened.args.view)).toContain("incident.resolve");
    const view = world.fake.openViews(people.ada.slack).at(-1);
    await world.slack.viewSubmission({
      callbackId: "incident.resolve",
      userId: people.ada.slack,
      viewId: view?.id ?? "",
      values: {
        "field.code": { code: { type: "static_select", selected_option: { value: "fixed" } } },
        "field.note": { note: { type: "plain_text_input", value: "Restarted the pod" } },
      },
    });
    await world.fake.waitForCall("chat.postEphemeral", (c) =>
      String(c.args.text).includes(`${ref} is resolved`),
    );
    await world.settle();
    expect(JSON.stringify(cardFor(channels.slack.payments, ref).blocks)).toContain("Resolved");
  });

  it("THEN declaring a major incident creates its channel, invites the people, pins the summary and links it", async () => {
    const ref = await raise("Everything is on fire service:payments", people.rita.slack);
    await click(ref, "acknowledge", people.ada.slack);
    await world.settle();
    await click(ref, "declare_major", people.ada.slack);
    await world.fake.waitForCall("response_url", (c) =>
      String(c.args.text).includes(`${ref} is now a major incident`),
    );
    await world.settle();
    const number = ref.slice(4);
    const room = world.fake.channel(`inc-${number}-everything-is-on-fire`);
    expect(room).toBeDefined();
    const invite = world.fake.callsTo("conversations.invite").at(-1);
    expect(String(invite?.args.users).split(",").sort()).toEqual(
      [people.ada.slack, people.rita.slack].sort(),
    );
    expect(world.fake.callsTo("pins.add").some((c) => c.args.channel === room?.id)).toBe(true);
    const card = cardFor(channels.slack.payments, ref);
    expect(card.replies?.some((r) => r.text.includes(`<#${room?.id}>`))).toBe(true);
  });

  it("THEN text that does not parse and unknown tickets get a private explanation", async () => {
    const at = world.fake.now();
    await world.slack.command({
      command: "/incident",
      text: "show INC-99999",
      userId: people.ada.slack,
      channelId: channels.slack.incidents,
    });
    const missing = await world.fake.waitForCall(
      "response_url",
      (c) => c.time >= at && String(c.args.text).includes("There is no INC-99999"),
    );
    expect(missing.args.response_type).toBe("ephemeral");
    await world.slack.command({
      command: "/incident",
      text: "new Broken impact:hgih",
      userId: people.ada.slack,
      channelId: channels.slack.incidents,
    });
    await world.fake.waitForCall("response_url", (c) => String(c.args.text).includes("impact"));
    await world.slack.command({
      command: "/incident",
      text: "Broken service:nope",
      userId: people.ada.slack,
      channelId: channels.slack.incidents,
    });
    await world.fake.waitForCall("response_url", (c) =>
      String(c.args.text).includes('There is no service "nope"'),
    );
  });

  it("THEN a 10 000-character description is accepted and the card stays within Slack's limits", async () => {
    const ref = await raise(
      `Huge report service:payments description:"${"lorem ipsum 😀 ".repeat(600).slice(0, 2900)}"`,
    );
    expect(cardFor(channels.slack.payments, ref)).toBeDefined();
  });
});

/** Presses a button that opens a form, then submits the form with `values` (field id → value). */
async function pressAndSubmit(ref: string, action: string, userId: string, values: Record<string, string>) {
  const openedBefore = world.fake.callsTo("views.open").length;
  await click(ref, action, userId);
  const opened = await world.fake.waitForCall(
    "views.open",
    () => world.fake.callsTo("views.open").length > openedBefore,
  );
  const view = opened.response as { view?: { id?: string; callback_id?: string } };
  const viewId = view.view?.id ?? world.fake.openViews(userId).at(-1)?.id ?? "";
  const callbackId = view.view?.callback_id ?? `incident.${action}`;
  const state = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      `field.${field}`,
      { [field]: { type: "plain_text_input", value, selected_option: { value } } },
    ]),
  );
  const ephemeralsBefore = world.fake.callsTo("chat.postEphemeral").length;
  const submitted = await world.slack.viewSubmission({ callbackId, userId, viewId, values: state });
  expect(submitted.body).toBe("");
  const reply = await world.fake.waitForCall(
    "chat.postEphemeral",
    () => world.fake.callsTo("chat.postEphemeral").length > ephemeralsBefore,
  );
  await world.settle();
  return String(reply.args.text);
}

async function pressDirect(ref: string, action: string, userId: string) {
  const isNew = repliesSoFar();
  await click(ref, action, userId);
  const reply = await privateReplyAfter(isNew);
  await world.settle();
  return reply;
}

describe("GIVEN an incident worked through every card button", () => {
  it("THEN each button changes the one card and tells the person what happened", async () => {
    const ref = await raise("Every button service:payments");
    const card = () => JSON.stringify(cardFor(channels.slack.payments, ref).blocks);

    expect(await pressDirect(ref, "assign_to_me", people.otto.slack)).toBe(`${ref} is assigned.`);
    expect(card()).toContain("Otto Agent");
    expect(
      await pressAndSubmit(ref, "add_note", people.otto.slack, { text: "Looking at the logs" }),
    ).toContain(`Your note is on ${ref}.`);
    expect(
      await pressAndSubmit(ref, "change_priority", people.otto.slack, {
        impact: "high",
        urgency: "high",
        reason: "All stores",
      }),
    ).toContain(`${ref}'s priority changed.`);
    expect(card()).toContain("P1");
    expect(await pressAndSubmit(ref, "hold", people.otto.slack, { reason: "awaiting_vendor" })).toContain(
      `${ref} is on hold.`,
    );
    expect(card()).toContain("incident.resume");
    expect(await pressDirect(ref, "resume", people.otto.slack)).toBe(`${ref} is back in progress.`);
    expect(
      await pressAndSubmit(ref, "resolve", people.otto.slack, { code: "fixed", note: "Patched" }),
    ).toContain(`${ref} is resolved.`);
    expect(await pressAndSubmit(ref, "reopen", people.rita.slack, { reason: "Broken again" })).toContain(
      `${ref} is reopened.`,
    );
    expect(
      await pressAndSubmit(ref, "resolve", people.otto.slack, { code: "fixed", note: "Really patched" }),
    ).toContain(`${ref} is resolved.`);
    expect(await pressDirect(ref, "close", people.otto.slack)).toBe(`${ref} is closed.`);
    expect(card()).not.toContain("incident.");

    const thread = cardFor(channels.slack.payments, ref).replies?.map((r) => r.text) ?? [];
    expect(thread).toEqual([
      expect.stringContaining("raised"),
      expect.stringContaining("assigned"),
      expect.stringContaining("added a note: Looking at the logs"),
      expect.stringContaining("changed the priority"),
      expect.stringContaining("on hold"),
      expect.stringContaining("resumed"),
      expect.stringContaining("resolved"),
      expect.stringContaining("reopened"),
      expect.stringContaining("resolved"),
      expect.stringContaining("closed"),
    ]);
  });

  it("THEN Cancel asks for a reason and cancels", async () => {
    const ref = await raise("Raised by mistake service:payments");
    expect(
      await pressAndSubmit(ref, "cancel", people.rita.slack, { reason: "Duplicate of another" }),
    ).toContain(`${ref} is cancelled.`);
    expect(JSON.stringify(cardFor(channels.slack.payments, ref).blocks)).toContain("Cancelled");
  });
});

describe("GIVEN Slack delivers the same request twice", () => {
  it("THEN the redelivery (X-Slack-Retry-Num) is acknowledged and raises no second incident or card", async () => {
    const isNew = repliesSoFar();
    const first = await world.slack.command({
      command: "/incident",
      text: "Retried delivery service:payments",
      userId: people.rita.slack,
      channelId: channels.slack.incidents,
    });
    await privateReplyAfter(isNew);
    const body = new URLSearchParams(first.payload as Record<string, string>).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const again = await fetch(`${world.opsdesk.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signSlackRequest(signingSecret, timestamp, body),
        "x-slack-retry-num": "1",
        "x-slack-retry-reason": "http_timeout",
      },
      body,
    });
    expect(again.status).toBe(200);
    await world.settle();
    expect(await world.opsdesk.database.db.incident.count({ where: { title: "Retried delivery" } })).toBe(1);
    expect(cardsIn(channels.slack.payments).filter((m) => m.text.includes("Retried delivery"))).toHaveLength(
      1,
    );
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
