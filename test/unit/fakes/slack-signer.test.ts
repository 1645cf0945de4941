import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type types } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULTS, type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { SlackRequestSender, signSlackRequest } from "../../fakes/slack/signer.js";
import { silentLogger } from "./slack-test-kit.js";

const SIGNING_SECRET = "fake-signing-secret";
const GENERAL = DEFAULTS.generalChannelId;
const ALICE = DEFAULTS.aliceUserId;

const incidentForm: types.ModalView = {
  type: "modal",
  callback_id: "incident_form",
  title: { type: "plain_text", text: "New incident" },
  submit: { type: "plain_text", text: "Open" },
  blocks: [
    {
      type: "input",
      block_id: "title",
      label: { type: "plain_text", text: "Title" },
      element: { type: "plain_text_input", action_id: "value" },
    },
  ],
};

/** A real Bolt app on an ephemeral port, talking to the fake for its Web API calls. */
async function startBolt(fake: FakeSlack, register: (app: App) => void): Promise<{ app: App; url: string }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger: silentLogger });
  const app = new App({
    token: fake.botToken,
    receiver,
    logger: silentLogger,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  register(app);
  const server = await app.start(0);
  const { port } = server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/slack/events` };
}

describe("GIVEN a real Bolt app behind HTTPReceiver and the fake Slack", () => {
  let fake: FakeSlack;
  let app: App;
  let sender: SlackRequestSender;
  const seen: { retryNum?: number; retryReason?: string; viewTitle?: string } = {};

  beforeEach(async () => {
    fake = await startFakeSlack();
    const bolt = await startBolt(fake, (a) => {
      a.command("/incident", async ({ ack, command, client }) => {
        await ack();
        await client.chat.postMessage({
          channel: command.channel_id,
          text: `Incident opened: ${command.text}`,
          blocks: [
            { type: "section", text: { type: "mrkdwn", text: `*${command.text}*` } },
            {
              type: "actions",
              elements: [
                {
                  type: "button",
                  action_id: "ack",
                  text: { type: "plain_text", text: "Acknowledge" },
                  value: "INC-1",
                },
              ],
            },
          ],
        });
      });
      a.command("/incident-form", async ({ ack, body, client }) => {
        await ack();
        await client.views.open({ trigger_id: body.trigger_id, view: incidentForm });
      });
      a.view("incident_form", async ({ ack, view }) => {
        seen.viewTitle = String(view.state.values.title?.value?.value);
        await ack();
      });
      a.action("ack", async ({ ack, respond }) => {
        await ack();
        await respond({ replace_original: true, text: "Acknowledged by <@U0ALICE>" });
      });
      a.shortcut("incident_from_message", async ({ ack, respond }) => {
        await ack();
        await respond({ response_type: "ephemeral", text: "Incident drafted" });
      });
      a.event("app_mention", async ({ context }) => {
        seen.retryNum = context.retryNum;
        seen.retryReason = context.retryReason;
      });
    });
    app = bolt.app;
    sender = new SlackRequestSender({ url: bolt.url, signingSecret: SIGNING_SECRET, fake });
  });
  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  it("THEN Bolt checked the token with auth.test at start", async () => {
    await fake.waitForCall("auth.test");
    expect(fake.callsTo("auth.test")[0]?.auth).toBe("header");
  });

  it("THEN /incident is acknowledged and its message is posted to the fake", async () => {
    const result = await sender.command({
      command: "/incident",
      text: "DB down",
      userId: ALICE,
      channelId: GENERAL,
    });
    expect(result.status).toBe(200);
    const call = await fake.waitForCall("chat.postMessage");
    expect(call.args).toMatchObject({ channel: GENERAL, text: "Incident opened: DB down" });
    expect(fake.messagesIn(GENERAL).map((m) => m.text)).toEqual(["Incident opened: DB down"]);
    expect(result.triggerId).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    expect(result.responseUrl?.startsWith(fake.url)).toBe(true);
  });

  it("THEN a button click replaces the original message through respond()", async () => {
    await sender.command({ command: "/incident", text: "DB down", userId: ALICE, channelId: GENERAL });
    const posted = await fake.waitForCall("chat.postMessage");
    const ts = (posted.response as { ts: string }).ts;
    const click = await sender.blockAction({
      actionId: "ack",
      value: "INC-1",
      userId: ALICE,
      channelId: GENERAL,
      messageTs: ts,
    });
    expect(click.status).toBe(200);
    await fake.waitForCall("response_url");
    expect(fake.messagesIn(GENERAL).map((m) => m.text)).toEqual(["Acknowledged by <@U0ALICE>"]);
  });

  it("THEN a modal opened from a command closes when its submission is acknowledged", async () => {
    await sender.command({ command: "/incident-form", userId: ALICE, channelId: GENERAL });
    await fake.waitForCall("views.open", (c) => c.status === 200);
    expect(fake.openViews(ALICE).map((v) => v.callback_id)).toEqual(["incident_form"]);
    const submitted = await sender.viewSubmission({
      callbackId: "incident_form",
      userId: ALICE,
      values: { title: { value: { type: "plain_text_input", value: "Payments slow" } } },
    });
    expect(submitted.status).toBe(200);
    expect(seen.viewTitle).toBe("Payments slow");
    expect(fake.openViews(ALICE)).toEqual([]);
  });

  it("THEN a message shortcut can answer ephemerally", async () => {
    await sender.messageShortcut({
      callbackId: "incident_from_message",
      message: { text: "prod is on fire", ts: "1700000000.000100", user: ALICE },
      channelId: GENERAL,
      userId: ALICE,
    });
    await fake.waitForCall("response_url");
    expect(fake.ephemeralsIn(GENERAL).map((e) => [e.user, e.text])).toEqual([[ALICE, "Incident drafted"]]);
  });

  it("THEN an event redelivery carries X-Slack-Retry-Num and -Reason into Bolt's context", async () => {
    const result = await sender.event(
      {
        type: "app_mention",
        user: ALICE,
        channel: GENERAL,
        text: `<@${fake.botUserId}> help`,
        ts: "1700000000.000200",
      },
      { retryNum: 1, retryReason: "http_timeout" },
    );
    expect(result.status).toBe(200);
    await expect.poll(() => seen.retryNum).toBe(1);
    expect(seen.retryReason).toBe("http_timeout");
  });

  it("THEN url_verification echoes the challenge", async () => {
    const result = await sender.urlVerification("challenge-123");
    expect(JSON.parse(result.body)).toEqual({ challenge: "challenge-123" });
  });

  it("THEN a wrong signature or a stale timestamp is refused and nothing is posted", async () => {
    const input = { command: "/incident", text: "x", userId: ALICE, channelId: GENERAL };
    expect((await sender.command(input, { badSignature: true })).status).toBe(401);
    expect((await sender.command(input, { skewSeconds: -6 * 60 })).status).toBe(401);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("THEN Bolt alone accepts a timestamp ten minutes in the future, so OpsDesk must check it itself", async () => {
    const result = await sender.command(
      { command: "/incident", text: "from the future", userId: ALICE, channelId: GENERAL },
      { skewSeconds: 10 * 60 },
    );
    expect(result.status).toBe(200);
  });
});

describe("GIVEN signSlackRequest", () => {
  it("THEN it produces Slack's documented example signature", () => {
    // Example from Slack's "Verifying requests from Slack" guide.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, body)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    );
  });
});
