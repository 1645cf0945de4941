// Socket Mode (for teams behind a firewall): the real Bolt app opens a WebSocket to the local Slack with the
// app-level token and receives commands and button clicks as envelopes instead of HTTP requests. No
// signing secret and no public URL are needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockActionPayload, commandFields } from "../../fakes/slack/payloads.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { channels, people } from "../../support/desk-config.js";
import { type DeskProcess, startDesk } from "../../support/desk-world.js";

let fake: FakeSlack;
let desk: DeskProcess;

beforeAll(async () => {
  fake = await startFakeSlack({
    users: Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
    channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
  });
  desk = await startDesk({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_APP_TOKEN: fake.appToken,
    SLACK_API_URL: fake.apiUrl,
  });
  await fake.socketMode.waitForConnection();
});
afterAll(async () => {
  await desk?.close();
  await fake?.close();
});

/** `/incident <text>` as an envelope; resolves with the ack and the response_url it carried. */
async function command(text: string, userId: string = people.rita.slack, triggerId?: string) {
  const trigger = triggerId ?? fake.issueTriggerId(userId);
  const responseUrl = fake.issueResponseUrl({ channelId: channels.slack.incidents, userId });
  const fields = commandFields(
    fake,
    { command: "/incident", text, userId, channelId: channels.slack.incidents },
    trigger,
    responseUrl,
  );
  const ack = await fake.socketMode.send("slash_commands", fields);
  return { ack, trigger, responseUrl };
}

async function privateReplyTo(responseUrl: string): Promise<string> {
  const id = responseUrl.split("/").at(-1) ?? "";
  const call = await fake.waitForCall("response_url", (c) => JSON.stringify(c).includes(id));
  return String(call.args.text ?? "");
}

function cardIn(channel: string, ref: string) {
  return fake.messagesIn(channel).find((m) => m.user === fake.botUserId && m.text.includes(ref));
}

describe("GIVEN OpsDesk connected to Slack over Socket Mode (SLACK_APP_TOKEN, no signing secret)", () => {
  it("THEN it connected with the app-level token through SLACK_API_URL, not slack.com", () => {
    const opened = fake.callsTo("apps.connections.open");
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(opened.every((c) => c.status === 200 && (c.response as { ok?: boolean }).ok === true)).toBe(true);
  });

  it("THEN /incident <text> is acknowledged on the socket, raises the incident and posts its card", async () => {
    const { ack, responseUrl } = await command("Socket checkout is slow impact:high service:payments");
    expect(ack.payload).toEqual({});
    const reply = await privateReplyTo(responseUrl);
    const ref = /INC-\d+/.exec(reply)?.[0] ?? "";
    expect(reply).toMatch(/INC-\d+ is raised with priority P\d: Socket checkout is slow/);
    await desk.settle();
    expect(cardIn(channels.slack.payments, ref)?.text).toContain("Socket checkout is slow");
  });

  it("THEN a button click arrives as an interactive envelope and updates the card in place", async () => {
    const { responseUrl } = await command("Socket login fails service:payments");
    const ref = /INC-\d+/.exec(await privateReplyTo(responseUrl))?.[0] ?? "";
    await desk.settle();
    const card = cardIn(channels.slack.payments, ref);
    if (!card) throw new Error(`no card for ${ref}`);
    const userId = people.ada.slack;
    const clickUrl = fake.issueResponseUrl({
      channelId: channels.slack.payments,
      userId,
      messageTs: card.ts,
    });
    const payload = blockActionPayload(
      fake,
      {
        actionId: "incident.acknowledge",
        value: ref,
        userId,
        channelId: channels.slack.payments,
        messageTs: card.ts,
      },
      fake.issueTriggerId(userId),
      clickUrl,
    );
    const ack = await fake.socketMode.send("interactive", payload);
    expect(ack.envelopeId).toBeTruthy();
    expect(await privateReplyTo(clickUrl)).toBe(`You acknowledged ${ref}.`);
    await desk.settle();
    const updated = fake.callsTo("chat.update").filter((c) => c.args.ts === card.ts);
    expect(updated.length).toBeGreaterThanOrEqual(1);
    // Acknowledging takes the incident into progress with the acknowledger as assignee.
    const blocks = JSON.stringify(cardIn(channels.slack.payments, ref)?.blocks);
    expect(blocks).toContain("*Status*\\nIn progress");
    expect(blocks).toContain("*Assignee*\\nAda Agent");
  });

  it("THEN an envelope Slack redelivers (same trigger, retry_attempt 1) raises the incident once", async () => {
    const title = `Socket retry ${Date.now()}`;
    const before = await desk.opsdesk.database.db.incident.count({ where: { title } });
    const first = await command(`${title} service:payments`);
    await command(`${title} service:payments`, people.rita.slack, first.trigger);
    await privateReplyTo(first.responseUrl);
    await desk.settle();
    expect(before).toBe(0);
    expect(await desk.opsdesk.database.db.incident.count({ where: { title } })).toBe(1);
  });

  it("THEN no HTTP endpoint for Slack is exposed, since nothing needs to reach OpsDesk", async () => {
    const response = await fetch(`${desk.opsdesk.url}/slack/events`, { method: "POST", body: "x" });
    expect(response.status).toBe(404);
  });
});
