// /sla on the real Bolt app, and SLA alerts delivered by the outbox to the local Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/kernel/clock.js";
import { channels, people } from "../../support/desk-config.js";
import { type SlackWorld, startSlackWorld } from "../../support/slack-world.js";

const MINUTE = 60_000;
let world: SlackWorld;
// OpsDesk's time starts at real time (Slack signatures are checked against it) and moves only when told.
const clock = new ManualClock(new Date());
beforeAll(async () => {
  world = await startSlackWorld({ clock });
});
afterAll(async () => {
  await world?.close();
});

/** Runs a slash command and returns the private reply's text and blocks as one string. */
async function command(name: string, text: string, userId: string = people.rita.slack): Promise<string> {
  const before = new Set<unknown>(world.fake.callsTo("response_url"));
  const result = await world.slack.command({
    command: name,
    text,
    userId,
    channelId: channels.slack.incidents,
  });
  expect(result.status).toBe(200);
  const call = await world.fake.waitForCall("response_url", (c) => !before.has(c));
  expect(call.args.response_type).toBe("ephemeral");
  return `${String(call.args.text ?? "")}\n${JSON.stringify(call.args.blocks ?? [])}`;
}

describe("GIVEN OpsDesk connected to Slack with the default SLA policies", () => {
  let ref = "";

  beforeAll(async () => {
    const reply = await command("/incident", "Payments API down impact:high urgency:high service:payments");
    ref = /INC-\d+/.exec(reply)?.[0] ?? "";
    await world.settle();
  });

  it("THEN /sla show lists both clocks with target, elapsed, remaining, percent and a due time in the reader's zone", async () => {
    const reply = await command("/sla", `show ${ref}`);
    expect(reply).toContain(`SLA · ${ref} · Payments API down`);
    expect(reply).toContain(
      "Target 15m on 24x7 · elapsed 0m (0 %) · 15m left · running: 15m left (0 %) · started with the incident",
    );
    expect(reply).toContain("Target 4h on 24x7");
    const due = Math.floor((clock.now().getTime() + 15 * MINUTE) / 1000);
    expect(reply).toContain(`<!date^${due}^`);
  });

  it("THEN /sla show of an unknown incident says so privately, and /sla alone shows the help", async () => {
    expect(await command("/sla", "show INC-999")).toContain("There is no INC-999");
    expect(await command("/sla", "")).toContain("/sla report");
  });

  it("THEN /sla report is the sla report, with nothing judged yet", async () => {
    const reply = await command("/sla", "report 7d payments");
    expect(reply).toContain("SLA compliance, the last 7 days, service payments");
    expect(reply).toContain("No SLA clock was judged in this period.");
  });

  it("THEN a warning reaches the SLA channel with the ticket's buttons, the assignee privately, and the card's SLA line", async () => {
    await command("/incident", `assign ${ref}`, people.ada.slack);
    await world.settle();
    clock.advance(125 * MINUTE);
    // The scheduled sweep may run too; whichever sweeps, each alert is posted once.
    await world.opsdesk.sla.sweep();
    await world.settle();
    expect(world.fake.messagesIn(channels.slack.alerts)).toHaveLength(1);
    const [alert] = world.fake.messagesIn(channels.slack.alerts);
    expect(alert?.text).toContain(`SLA warning: ${ref} resolution is at 50 % of 4h, 1h 55m left.`);
    expect(JSON.stringify(alert?.blocks)).toContain("incident.resolve");
    const dm = world.fake.callsTo("chat.postMessage").find((call) => call.args.channel === people.ada.slack);
    expect(String(dm?.args.text)).toContain(`SLA warning: ${ref} resolution`);
    const card = world.fake.messagesIn(channels.slack.payments).find((message) => message.text.includes(ref));
    expect(JSON.stringify(card?.blocks)).toContain("Response: met · Resolution: 1h 55m left (52 %)");
  });

  it("THEN the breach mentions the assignee, and sweeping again posts nothing more", async () => {
    clock.advance(120 * MINUTE);
    await world.opsdesk.sla.sweep();
    await world.settle();
    const alerts = world.fake.messagesIn(channels.slack.alerts).map((message) => message.text);
    expect(alerts).toHaveLength(4);
    expect(alerts[3]).toBe(
      `<@${people.ada.slack}> SLA breached: ${ref} resolution is 5m overdue (target 4h).`,
    );
    await world.opsdesk.sla.sweep();
    await world.settle();
    expect(world.fake.messagesIn(channels.slack.alerts)).toHaveLength(4);
    expect(await world.opsdesk.database.db.slaAlert.count()).toBe(4);
  });
});
