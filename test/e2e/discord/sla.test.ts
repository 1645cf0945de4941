// /sla through the real discord.js client, and SLA alerts delivered by the outbox to the local Discord.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/kernel/clock.js";
import { slashCommand } from "../../fakes/discord/index.js";
import { channels, people } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";

const MINUTE = 60_000;
let world: DiscordWorld;
const clock = new ManualClock(new Date());
beforeAll(async () => {
  world = await startDiscordWorld("gateway", { clock });
});
afterAll(async () => {
  await world?.close();
});

/** Sends a slash command as `as`; returns the deferred private answer as Discord stored it. */
async function answer(spec: ReturnType<typeof slashCommand>, as: string = people.rita.discord) {
  world.actAs(as);
  const sent = world.fake.sendInteraction(spec);
  const first = await world.fake.waitForInteractionResponse(sent.id);
  expect(first.type).toBe(5);
  const edit = await world.fake.waitForInteractionResponse(sent.id, 5_000, "edit-original");
  return edit.body as {
    content?: string;
    embeds?: Array<{ title?: string; fields?: Array<{ name: string; value: string }> }>;
  };
}

describe("GIVEN OpsDesk connected to Discord with the default SLA policies", () => {
  let ref = "";

  beforeAll(async () => {
    const raised = await answer(
      slashCommand({
        name: "incident",
        subcommand: "new",
        options: { title: "Card payments fail", impact: "high", urgency: "high", service: "payments" },
        channelId: channels.discord.payments,
      }),
    );
    ref = /INC-\d+/.exec(raised.content ?? "")?.[0] ?? "";
    await world.settle();
  });

  it("THEN /sla show answers privately with every clock and Discord timestamps for the due times", async () => {
    const reply = await answer(slashCommand({ name: "sla", subcommand: "show", options: { ref } }));
    const [embed] = reply.embeds ?? [];
    expect(embed?.title).toBe(`SLA · ${ref} · Card payments fail`);
    const fields = Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields.Response).toBe(
      "Target 15m on 24x7 · elapsed 0m (0 %) · 15m left · running: 15m left (0 %) · started with the incident",
    );
    expect(fields.Resolution).toContain("Target 4h on 24x7");
    expect(fields["Response due"]).toBe(`<t:${Math.floor((clock.now().getTime() + 15 * MINUTE) / 1000)}:f>`);
  });

  it("THEN /sla show of an unknown incident explains privately", async () => {
    const reply = await answer(
      slashCommand({ name: "sla", subcommand: "show", options: { ref: "INC-999" } }),
    );
    expect(JSON.stringify(reply)).toContain("There is no INC-999");
  });

  it("THEN /sla report is the sla report, with nothing judged yet", async () => {
    const reply = JSON.stringify(
      await answer(slashCommand({ name: "sla", subcommand: "report", options: { period: "30d" } })),
    );
    expect(reply).toContain("SLA compliance, the last 30 days");
    expect(reply).toContain("No SLA clock was judged in this period.");
  });

  it("THEN a breach is posted once to the SLA channel mentioning the assignee, who is also told in a DM", async () => {
    await answer(
      slashCommand({ name: "incident", subcommand: "assign", options: { ref } }),
      people.ada.discord,
    );
    await world.settle();
    clock.advance(4 * 60 * MINUTE + 5 * MINUTE);
    // The scheduled sweep may run too; whichever sweeps, each alert is posted once.
    await world.opsdesk.sla.sweep();
    await world.settle();
    const alerts = world.fake.messagesIn(channels.discord.alerts);
    expect(alerts).toHaveLength(4);
    const breach = alerts[3];
    expect(breach?.content).toBe(
      `<@${people.ada.discord}> SLA breached: ${ref} resolution is 5m overdue (target 4h).`,
    );
    expect(JSON.stringify(breach?.components)).toContain("incident.resolve");
    expect(world.fake.directMessagesTo(people.ada.discord).map((message) => message.content)).toHaveLength(4);
    await world.opsdesk.sla.sweep();
    await world.settle();
    expect(world.fake.messagesIn(channels.discord.alerts)).toHaveLength(4);
    expect(await world.opsdesk.database.db.slaAlert.count()).toBe(4);
  });
});
