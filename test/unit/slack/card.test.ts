import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { renderCard } from "../../../src/adapters/slack/render/card.js";
import { slackLimits } from "../../../src/adapters/slack/render/limits.js";
import type { Card } from "../../../src/kernel/views/card.js";
import { availableIncidentActions } from "../../../src/practices/incidents/available-actions.js";
import { incidentActions, incidentStatuses } from "../../../src/practices/incidents/model.js";
import { incidentActionFromId } from "../../../src/practices/incidents/views/actions.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { anIncident } from "../views/incident-fixture.js";
import { allTexts, messageProblems } from "./block-kit.js";

const resolvedFields = { resolutionCode: "fixed", resolutionNote: "Rolled back 4.2.2" } as const;

function blockOf<T extends types.KnownBlock["type"]>(blocks: types.KnownBlock[], type: T) {
  return blocks.find((block) => block.type === type) as Extract<types.KnownBlock, { type: T }> | undefined;
}

describe("GIVEN an incident card in each status", () => {
  for (const status of incidentStatuses) {
    const incident = anIncident({
      status,
      ...(status === "on_hold" ? { holdReason: "awaiting_vendor" } : {}),
      ...(status === "resolved" || status === "closed" ? resolvedFields : {}),
    });
    const message = renderCard(incidentCard(incident, availableIncidentActions(incident)));

    it(`THEN the ${status} card is within every Block Kit limit and has no empty text`, () => {
      expect(messageProblems(message.blocks)).toEqual([]);
      expect(allTexts(message.blocks).every((text) => text.trim().length > 0)).toBe(true);
    });

    it(`THEN the ${status} card's buttons carry the action id and the ticket`, () => {
      const buttons = blockOf(message.blocks, "actions")?.elements ?? [];
      expect(
        buttons.map((button) => [
          button.type,
          "action_id" in button ? incidentActionFromId(button.action_id ?? "") : undefined,
          "value" in button ? button.value : undefined,
        ]),
      ).toEqual(availableIncidentActions(incident).map((action) => ["button", action, "INC-7"]));
    });
  }
});

describe("GIVEN an incident in progress with resolve and declare-major buttons", () => {
  const message = renderCard(incidentCard(anIncident(), ["resolve", "add_note", "declare_major"]));

  it("THEN the header is the title, the fallback text names it with its status", () => {
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "INC-7 · Payments API down", emoji: true },
    });
    expect(message.text).toBe("INC-7 · Payments API down — In progress");
  });

  it("THEN the status shows with its colour and the fields as bold labels above values", () => {
    const section = message.blocks[1] as types.SectionBlock;
    expect(section.text?.text).toBe(":red_circle: *In progress*");
    expect(section.fields?.[0]).toEqual({ type: "mrkdwn", text: "*Status*\nIn progress", verbatim: true });
    expect(section.fields).toHaveLength(8);
  });

  it("THEN the description, the context and the time in each reader's zone follow", () => {
    expect(message.blocks[2]).toMatchObject({
      type: "section",
      text: { text: "Checkout fails with 502 since 09:00." },
    });
    const context = blockOf(message.blocks, "context");
    expect(context?.elements.map((element) => ("text" in element ? element.text : ""))).toEqual([
      "Category: application · Group: Payments team",
      "<!date^1741079100^{date_short_pretty} at {time}|2025-03-04 09:05 UTC>",
    ]);
  });

  it("THEN buttons have Slack styles, and declaring major asks for confirmation first", () => {
    const buttons = blockOf(message.blocks, "actions")?.elements as types.Button[];
    expect(buttons.map((button) => [button.action_id, button.style])).toEqual([
      ["incident.resolve", "primary"],
      ["incident.add_note", undefined],
      ["incident.declare_major", "danger"],
    ]);
    expect(buttons[2]?.confirm).toMatchObject({
      confirm: { text: "Declare major" },
      style: "danger",
      text: { text: expect.stringContaining("major incident process") },
    });
  });
});

describe("GIVEN an incident whose title, description and resolution note are 10 000 characters with emoji", () => {
  const long = (seed: string) => `${seed} 🚨👩🏽‍💻 `.repeat(10_000).slice(0, 10_000);
  const incident = anIncident({
    title: long("Checkout down"),
    description: long("Payments <fail> & retry"),
    status: "resolved",
    resolutionCode: "fixed",
    resolutionNote: long("Rolled back"),
  });
  const message = renderCard(incidentCard(incident, incidentActions));

  it("THEN Slack would accept every block", () => {
    expect(messageProblems(message.blocks)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
  });

  it("THEN each long text ends in an ellipsis after a whole word, with no broken emoji or entity", () => {
    const header = message.blocks[0] as types.HeaderBlock;
    const body = message.blocks[2] as types.SectionBlock;
    for (const text of [header.text.text, body.text?.text ?? "", message.text]) {
      expect(text.endsWith("…")).toBe(true);
      expect(text).not.toMatch(/\s…$/);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(text).not.toMatch(/&[a-z]*…$/);
    }
    expect(header.text.text.length).toBeLessThanOrEqual(slackLimits.headerText);
    expect(header.text.text.length).toBeGreaterThan(slackLimits.headerText - 20);
    expect(body.text?.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(body.text?.text).toContain("&lt;fail&gt; &amp; retry");
  });
});

describe("GIVEN a card with more fields, links and actions than one Slack message holds", () => {
  const card: Card = {
    type: "card",
    title: "Big card",
    fields: Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: `v${i}` })),
    actions: Array.from({ length: 30 }, (_, i) => ({
      id: `test.action_${i}`,
      label: `Action ${i}`,
      style: "default" as const,
      value: "INC-1",
    })),
    links: [{ label: "Runbook", url: "https://runbooks.example.com/payments?a=1|b>2" }],
  };
  const message = renderCard(card);

  it("THEN fields continue in a second section, the rest are left out and a context line says how many", () => {
    expect(messageProblems(message.blocks)).toEqual([]);
    const sections = message.blocks.filter((block) => block.type === "section" && "fields" in block);
    expect(sections.map((block) => (block as types.SectionBlock).fields?.length)).toEqual([10, 10]);
    expect((sections[1] as types.SectionBlock).fields?.[0]?.text).toBe("*Field 10*\nv10");
    expect(blockOf(message.blocks, "actions")?.elements).toHaveLength(25);
    const context = blockOf(message.blocks, "context")?.elements.map((e) => ("text" in e ? e.text : ""));
    expect(context).toEqual(["…and 3 more fields not shown", "…and 5 more actions not shown"]);
  });

  it("THEN links are mrkdwn links whose URL cannot break out of the angle brackets", () => {
    const links = message.blocks.find(
      (block) => block.type === "section" && block.text?.text.startsWith("<https://"),
    ) as types.SectionBlock;
    expect(links.text?.text).toBe("<https://runbooks.example.com/payments?a=1%7Cb%3E2|Runbook>");
  });

  it("THEN the same action twice becomes one button, since Slack needs unique action ids", () => {
    const twice = renderCard({ ...card, actions: [card.actions[0]!, card.actions[0]!] });
    expect(blockOf(twice.blocks, "actions")?.elements).toHaveLength(1);
  });
});
