import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { renderList } from "../../../src/adapters/slack/render/list.js";
import { renderNotice } from "../../../src/adapters/slack/render/notice.js";
import { helpText } from "../../../src/kernel/commands/help-text.js";
import { notice } from "../../../src/kernel/views/notice.js";
import { incidentList } from "../../../src/practices/incidents/views/list.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { anIncident } from "../views/incident-fixture.js";
import { messageProblems } from "./block-kit.js";

describe("GIVEN a list of incidents", () => {
  const message = renderList(
    incidentList("Open incidents", [
      anIncident(),
      anIncident({ ref: "INC-8", title: "VPN <drops>", priority: "P4" }),
    ]),
  );

  it("THEN each incident is a section headed by its reference, with its fields", () => {
    expect(messageProblems(message.blocks)).toEqual([]);
    expect(message.text).toBe("Open incidents (2)");
    expect((message.blocks[2] as types.SectionBlock).text?.text).toBe(
      ":large_orange_circle: *INC-8* · VPN &lt;drops&gt;",
    );
    expect((message.blocks[1] as types.SectionBlock).fields?.map((field) => field.text)).toEqual([
      "*Status*\nIn progress",
      "*Priority*\nP2 · High",
      "*Assignee*\nAlex Agent",
    ]);
  });
});

describe("GIVEN more incidents than one message holds", () => {
  const many = Array.from({ length: 120 }, (_, i) => anIncident({ ref: `INC-${i + 1}` }));
  const message = renderList(incidentList("All incidents", many));

  it("THEN as many as fit are shown and a last line says how many were left out", () => {
    expect(messageProblems(message.blocks)).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)).toMatchObject({
      type: "context",
      elements: [{ text: "…and 72 more items not shown" }],
    });
  });
});

describe("GIVEN an empty list", () => {
  it("THEN it says so under the title", () => {
    const message = renderList(incidentList("My incidents", []));
    expect(message.blocks[1]).toMatchObject({ text: { text: "No incidents to show." } });
    expect(message.text).toBe("My incidents: No incidents to show.");
  });
});

describe("GIVEN notices for one person", () => {
  it("THEN the tone is an emoji before the text", () => {
    expect(renderNotice(notice("success", "INC-7 resolved.")).blocks).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: ":white_check_mark: INC-7 resolved.", verbatim: true },
      },
    ]);
  });

  it("THEN text longer than a section is split at line breaks, not cut", () => {
    const long = `${helpText(commandRegistry, "incident")}\n${"More help line.\n".repeat(300)}`;
    const message = renderNotice(notice("info", long));
    expect(messageProblems(message.blocks)).toEqual([]);
    expect(message.blocks.length).toBeGreaterThan(1);
    const shown = message.blocks.map((block) => (block as types.SectionBlock).text?.text).join("\n");
    expect(shown).toContain("/incident resolve &lt;ref&gt; code:");
    expect(shown.endsWith("More help line.")).toBe(true);
  });
});
