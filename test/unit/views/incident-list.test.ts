import { describe, expect, it } from "vitest";
import { incidentList } from "../../../src/practices/incidents/views/list.js";
import { anIncident } from "./incident-fixture.js";

describe("GIVEN a few incidents", () => {
  it("THEN each is an item with its reference, title, status, priority and assignee", () => {
    const list = incidentList("Open incidents", [
      anIncident(),
      anIncident({
        number: 8,
        ref: "INC-8",
        title: "VPN slow",
        priority: "P4",
        assignee: null,
        status: "new",
      }),
    ]);
    expect(list).toEqual({
      type: "list",
      title: "Open incidents",
      emptyText: "No incidents to show.",
      items: [
        {
          ref: "INC-7",
          title: "Payments API down",
          intent: "danger",
          fields: [
            { label: "Status", value: "In progress", inline: true },
            { label: "Priority", value: "P2 · High", inline: true },
            { label: "Assignee", value: "Alex Agent", inline: true },
          ],
        },
        {
          ref: "INC-8",
          title: "VPN slow",
          intent: "warning",
          fields: [
            { label: "Status", value: "New", inline: true },
            { label: "Priority", value: "P4 · Low", inline: true },
            { label: "Assignee", value: "Unassigned", inline: true },
          ],
        },
      ],
    });
  });
});

describe("GIVEN no incidents", () => {
  it("THEN the list is empty with the given empty text", () => {
    expect(incidentList("Mine", [], "Nothing assigned to you.")).toMatchObject({
      items: [],
      emptyText: "Nothing assigned to you.",
    });
  });
});
