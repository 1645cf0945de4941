import { type types, webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULTS, type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { slackErrorOf, webClient } from "./slack-test-kit.js";

const GENERAL = DEFAULTS.generalChannelId;
const ALICE = DEFAULTS.aliceUserId;

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function modal(title: string): types.ModalView {
  return {
    type: "modal",
    callback_id: "incident_form",
    title: { type: "plain_text", text: title },
    blocks: [],
  };
}

describe("GIVEN a fake Slack driven by the real WebClient", () => {
  let fake: FakeSlack;
  let clock: number;

  beforeEach(async () => {
    clock = Date.parse("2026-11-21T12:00:00Z");
    fake = await startFakeSlack({ now: () => clock });
  });
  afterEach(async () => {
    await fake.close();
  });

  it("THEN auth.test names the bot, and its URL ends in /api/", async () => {
    const result = await webClient(fake).auth.test();
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(result).toMatchObject({
      ok: true,
      user_id: fake.botUserId,
      bot_id: fake.botId,
      team_id: fake.teamId,
    });
  });

  it("THEN a wrong token is invalid_auth and a missing one is not_authed", async () => {
    expect(
      await slackErrorOf(webClient(fake, "xoxb-wrong").chat.postMessage({ channel: GENERAL, text: "x" })),
    ).toBe("invalid_auth");
    expect(await slackErrorOf(webClient(fake, null).chat.postMessage({ channel: GENERAL, text: "x" }))).toBe(
      "not_authed",
    );
    expect(fake.messagesIn(GENERAL)).toEqual([]);
  });

  it("THEN a post, a thread reply and an update show up as the channel's current state", async () => {
    const client = webClient(fake);
    const parent = await client.chat.postMessage({
      channel: GENERAL,
      text: "INC-1 opened",
      blocks: [section("*INC-1*")],
    });
    const reply = await client.chat.postMessage({
      channel: GENERAL,
      text: "triage started",
      thread_ts: parent.ts,
    });
    await client.chat.update({ channel: GENERAL, ts: parent.ts ?? "", text: "INC-1 resolved" });

    expect(parent.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
    expect(fake.callsTo("chat.postMessage")[0]?.args.blocks).toEqual([section("*INC-1*")]);
    const [message] = fake.messagesIn(GENERAL);
    expect(message).toMatchObject({ text: "INC-1 resolved", blocks: [section("*INC-1*")], reply_count: 1 });
    expect(message?.edited).toEqual({ user: fake.botUserId, ts: expect.stringMatching(/^\d{10}\.\d{6}$/) });
    expect(message?.replies?.map((r) => [r.text, r.thread_ts])).toEqual([["triage started", parent.ts]]);
    expect(reply.ts).not.toBe(parent.ts);
  });

  it("THEN posting to a channel the bot is not in fails with not_in_channel", async () => {
    const outside = fake.addChannel({ name: "elsewhere", botIsMember: false });
    expect(await slackErrorOf(webClient(fake).chat.postMessage({ channel: outside.id, text: "x" }))).toBe(
      "not_in_channel",
    );
  });

  it("THEN a section over 3000 characters is invalid_blocks with Slack's JSON pointer", async () => {
    const call = webClient(fake).chat.postMessage({
      channel: GENERAL,
      text: "x",
      blocks: [section("a".repeat(3001))],
    });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await slackErrorOf(call)).toBe("invalid_blocks");
    const response = fake.callsTo("chat.postMessage")[0]?.response;
    expect(response).toMatchObject({
      response_metadata: {
        messages: ["[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
      },
    });
  });

  it("THEN 51 blocks, a 76-character button or 26 actions elements are refused", async () => {
    const client = webClient(fake);
    const blocks = Array.from({ length: 51 }, () => section("x"));
    expect(await slackErrorOf(client.chat.postMessage({ channel: GENERAL, text: "x", blocks }))).toBe(
      "invalid_blocks",
    );
    const button = (text: string): types.Button => ({
      type: "button",
      action_id: "a",
      text: { type: "plain_text", text },
    });
    const longButton: types.KnownBlock[] = [{ type: "actions", elements: [button("b".repeat(76))] }];
    expect(
      await slackErrorOf(client.chat.postMessage({ channel: GENERAL, text: "x", blocks: longButton })),
    ).toBe("invalid_blocks");
    const crowded: types.KnownBlock[] = [
      { type: "actions", elements: Array.from({ length: 26 }, () => button("ok")) },
    ];
    expect(
      await slackErrorOf(client.chat.postMessage({ channel: GENERAL, text: "x", blocks: crowded })),
    ).toBe("invalid_blocks");
  });

  it("THEN a JSON body is accepted with a Bearer token, and a token inside JSON is ignored", async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${fake.apiUrl}chat.postMessage`, { method: "POST", headers, body: JSON.stringify(body) }).then(
        (r) => r.json(),
      );
    const json = "application/json; charset=utf-8";
    expect(
      await post(
        { "content-type": json, authorization: `Bearer ${fake.botToken}` },
        { channel: GENERAL, text: "hi" },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await post({ "content-type": json }, { token: fake.botToken, channel: GENERAL, text: "hi" }),
    ).toMatchObject({
      ok: false,
      error: "not_authed",
    });
  });

  it("THEN a trigger_id opens one modal, is refused when reused, and expires after 3 seconds", async () => {
    const client = webClient(fake);
    const first = fake.issueTriggerId(ALICE);
    const opened = await client.views.open({ trigger_id: first, view: modal("New incident") });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.openViews(ALICE)).toHaveLength(1);
    expect(await slackErrorOf(client.views.open({ trigger_id: first, view: modal("Again") }))).toBe(
      "exchanged_trigger_id",
    );
    const late = fake.issueTriggerId(ALICE);
    clock += 3_001;
    expect(await slackErrorOf(client.views.open({ trigger_id: late, view: modal("Late") }))).toBe(
      "expired_trigger_id",
    );
    expect(await slackErrorOf(client.views.open({ trigger_id: "1.2.nope", view: modal("x") }))).toBe(
      "invalid_trigger_id",
    );
  });

  it("THEN a modal title over 24 characters is invalid_arguments", async () => {
    const call = webClient(fake).views.open({
      trigger_id: fake.issueTriggerId(ALICE),
      view: modal("t".repeat(25)),
    });
    expect(await slackErrorOf(call)).toBe("invalid_arguments");
  });

  it("THEN conversations.create enforces Slack's channel name rules", async () => {
    const client = webClient(fake);
    const created = await client.conversations.create({ name: "inc-0042-db-down" });
    expect(created.channel).toMatchObject({ name: "inc-0042-db-down", is_member: true });
    expect(await slackErrorOf(client.conversations.create({ name: "inc-0042-db-down" }))).toBe("name_taken");
    expect(await slackErrorOf(client.conversations.create({ name: "INC-42" }))).toBe("invalid_name_specials");
    expect(await slackErrorOf(client.conversations.create({ name: "inc 42" }))).toBe("invalid_name_specials");
    expect(await slackErrorOf(client.conversations.create({ name: "x".repeat(81) }))).toBe(
      "invalid_name_maxlength",
    );
    const channel = created.channel?.id ?? "";
    await client.conversations.invite({ channel, users: ALICE });
    expect(fake.channel(channel)?.members).toContain(ALICE);
    expect(await slackErrorOf(client.conversations.invite({ channel, users: ALICE }))).toBe(
      "already_in_channel",
    );
  });

  it("THEN rateLimit answers 429 with Retry-After, then the call succeeds", async () => {
    fake.rateLimit("chat.postMessage", { times: 1, retryAfterSec: 1 });
    const strict = webClient(fake, fake.botToken, { rejectRateLimitedCalls: true });
    const error = await strict.chat.postMessage({ channel: GENERAL, text: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(fake.callsTo("chat.postMessage")[0]?.status).toBe(429);

    fake.rateLimit("chat.postMessage", { times: 1, retryAfterSec: 1 });
    const patient = webClient(fake, fake.botToken, {
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    });
    const posted = await patient.chat.postMessage({ channel: GENERAL, text: "after the wait" });
    expect(posted.ok).toBe(true);
    expect(fake.callsTo("chat.postMessage").map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it("THEN failNext answers a 500 once and the next call works", async () => {
    fake.failNext("chat.postMessage", { status: 500 });
    const error = await webClient(fake)
      .chat.postMessage({ channel: GENERAL, text: "x" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 500 });
    expect((await webClient(fake).chat.postMessage({ channel: GENERAL, text: "x" })).ok).toBe(true);
  });

  describe("GIVEN a response_url for a button on a posted message", () => {
    const respond = (url: string, body: unknown) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    it("THEN replace_original and delete_original act on that message", async () => {
      const posted = await webClient(fake).chat.postMessage({
        channel: GENERAL,
        text: "INC-7 [Acknowledge]",
      });
      const url = fake.issueResponseUrl({ channelId: GENERAL, userId: ALICE, messageTs: posted.ts ?? "" });
      expect((await respond(url, { replace_original: true, text: "INC-7 acknowledged" })).status).toBe(200);
      expect(fake.messagesIn(GENERAL).map((m) => m.text)).toEqual(["INC-7 acknowledged"]);
      expect((await respond(url, { delete_original: true })).status).toBe(200);
      expect(fake.messagesIn(GENERAL)).toEqual([]);
    });

    it("THEN ephemeral is the default, in_channel posts visibly, and a 6th use is refused", async () => {
      const url = fake.issueResponseUrl({ channelId: GENERAL, userId: ALICE });
      await respond(url, { text: "only you" });
      await respond(url, { text: "everyone", response_type: "in_channel" });
      for (let i = 0; i < 3; i += 1) expect((await respond(url, { text: `again ${i}` })).status).toBe(200);
      const sixth = await respond(url, { text: "one too many" });
      expect(sixth.status).toBe(404);
      expect(await sixth.json()).toMatchObject({ ok: false, error: "used_url" });
      expect(fake.ephemeralsIn(GENERAL).map((e) => e.text)).toContain("only you");
      expect(fake.messagesIn(GENERAL).map((m) => m.text)).toEqual(["everyone"]);
      expect(fake.callsTo("response_url").map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 404]);
    });

    it("THEN it expires after 30 minutes", async () => {
      const url = fake.issueResponseUrl({ channelId: GENERAL, userId: ALICE });
      clock += 30 * 60_000 + 1;
      const late = await respond(url, { text: "too late" });
      expect(late.status).toBe(404);
      expect(await late.json()).toMatchObject({ error: "expired_url" });
    });
  });
});
