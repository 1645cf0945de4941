import { ButtonStyle } from "discord.js";
import type { APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCard } from "../../../src/adapters/discord/render/card.js";
import { embedSize } from "../../../src/adapters/discord/render/embed-budget.js";
import { decodeCustomId } from "../../../src/adapters/discord/render/ids.js";
import type { Card, CardAction } from "../../../src/kernel/views/card.js";
import { availableIncidentActions } from "../../../src/practices/incidents/available-actions.js";
import { incidentActions } from "../../../src/practices/incidents/model.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";
import { anIncident } from "../views/incident-fixture.js";
import { incidentsInEveryStatus, postToChannel } from "./support.js";

function buttonsOf(message: ReturnType<typeof renderCard>): APIButtonComponent[] {
  return message.components.flatMap((row) => row.components as APIButtonComponent[]);
}

function labelOf(button: APIButtonComponent): string | undefined {
  return "label" in button ? button.label : undefined;
}

function expectWithinEmbedLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(256);
    expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(field.value.trim()).not.toBe("");
  }
  expect(embedSize(embed)).toBeLessThanOrEqual(6000);
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

describe("GIVEN an incident card in each status", () => {
  for (const incident of incidentsInEveryStatus()) {
    describe(`WHEN the ${incident.status} card is rendered and posted`, () => {
      const card = incidentCard(incident, availableIncidentActions(incident));
      const message = renderCard(card);

      it("THEN it stays within Discord's limits and the fake stores it", async () => {
        const [embed] = message.embeds;
        expect(message.embeds).toHaveLength(1);
        expectWithinEmbedLimits(embed ?? {});
        const stored = await postToChannel(fake, message);
        expect(stored.embeds[0]?.title).toBe("INC-7 · Payments API down");
      });

      it("THEN every lifecycle action is a button whose custom_id names the action and the ref", () => {
        const decoded = buttonsOf(message).map((button) =>
          "custom_id" in button ? decodeCustomId(button.custom_id) : undefined,
        );
        expect(decoded.map((id) => (id?.kind === "action" ? id.actionId : undefined))).toEqual(
          card.actions.map((action) => action.id),
        );
        expect(decoded.every((id) => id?.kind === "action" && id.value === "INC-7")).toBe(true);
      });
    });
  }

  it("THEN the colour follows the intent: urgent open work red, resolved green", () => {
    const [open, , , resolved] = incidentsInEveryStatus();
    expect(renderCard(incidentCard(anIncident({ priority: "P1" }), [])).embeds[0]?.color).toBe(0xed4245);
    expect(renderCard(incidentCard(resolved ?? open ?? anIncident(), [])).embeds[0]?.color).toBe(0x57f287);
  });

  it("THEN styles map primary, danger and default to Discord's Primary, Danger and Secondary", () => {
    const message = renderCard(incidentCard(anIncident(), ["acknowledge", "cancel", "add_note"]));
    expect(buttonsOf(message).map((button) => button.style)).toEqual([
      ButtonStyle.Primary,
      ButtonStyle.Danger,
      ButtonStyle.Secondary,
    ]);
  });

  it("THEN an action that asks for confirmation gets a c: custom_id", () => {
    const [button] = buttonsOf(renderCard(incidentCard(anIncident(), ["declare_major"])));
    expect(button && "custom_id" in button ? button.custom_id : "").toBe("c:incident.declare_major:INC-7");
  });
});

describe("GIVEN absurd input", () => {
  const huge = "Everything is on fire 🔥👨‍👩‍👧‍👦 ".repeat(400);

  it("THEN a card with 10 000-character texts and emoji is cut cleanly and accepted", async () => {
    const incident = anIncident({
      title: huge.slice(0, 10_000),
      description: huge.slice(0, 10_000),
      resolutionCode: "fixed",
      resolutionNote: huge.slice(0, 10_000),
      status: "resolved",
      category: huge.slice(0, 10_000),
    });
    const message = renderCard(incidentCard(incident, availableIncidentActions(incident)));
    const [embed] = message.embeds;
    expectWithinEmbedLimits(embed ?? {});
    expect(embed?.title?.endsWith("…")).toBe(true);
    expect(embed?.description?.endsWith("…")).toBe(true);
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("THEN 40 fields and 30 actions are cut to 25 each, with a note saying what is missing", async () => {
    const actions: CardAction[] = Array.from({ length: 30 }, (_, index) => ({
      id: `test.action${index}`,
      label: `Action ${index} ${"x".repeat(100)}`,
      style: "default",
      value: `INC-${index}`,
    }));
    const card: Card = {
      type: "card",
      title: "Crowded",
      fields: Array.from({ length: 40 }, (_, index) => ({ label: `Field ${index}`, value: "v".repeat(500) })),
      actions,
      links: [{ label: "Runbook", url: "https://runbooks.example/payments" }],
      context: "Payments team",
    };
    const message = renderCard(card);
    const [embed] = message.embeds;
    expect(message.components).toHaveLength(5);
    expect(message.components.every((row) => row.components.length <= 5)).toBe(true);
    expect(buttonsOf(message).every((button) => (labelOf(button) ?? "").length <= 80)).toBe(true);
    expectWithinEmbedLimits(embed ?? {});
    expect(embed?.footer?.text).toMatch(
      /^Payments team · .*more fields not shown · Not shown as buttons: Action 25/,
    );
    expect(embed?.footer?.text).toContain("Runbook");
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("THEN a button whose ref would not fit a custom_id is dropped with a note, not the whole card", async () => {
    const card: Card = {
      type: "card",
      title: "Long ref",
      fields: [],
      actions: [
        { id: "incident.acknowledge", label: "Acknowledge", style: "primary", value: "INC-7" },
        { id: "incident.close", label: "Close", style: "default", value: "R".repeat(120) },
      ],
      links: [],
    };
    const message = renderCard(card);
    expect(buttonsOf(message).map(labelOf)).toEqual(["Acknowledge"]);
    expect(message.embeds[0]?.footer?.text).toBe("Not shown as buttons: Close");
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("THEN a pasted @everyone cannot ping anyone", () => {
    const message = renderCard(incidentCard(anIncident({ title: "@everyone VPN down" }), []));
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("THEN every incident action can be on one card at once and Discord still accepts it", async () => {
    const message = renderCard(incidentCard(anIncident(), incidentActions));
    expect(buttonsOf(message)).toHaveLength(incidentActions.length);
    await expect(postToChannel(fake, message)).resolves.toMatchObject({ id: expect.any(String) });
  });
});
