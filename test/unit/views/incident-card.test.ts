import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incidentActions } from "../../../src/practices/incidents/model.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { anIncident } from "./incident-fixture.js";

const fieldValue = (card: ReturnType<typeof incidentCard>, label: string) =>
  card.fields.find((field) => field.label === label)?.value;

describe("GIVEN an incident in progress", () => {
  const card = incidentCard(anIncident(), ["resolve", "add_note"]);

  it("THEN the title is the reference and the title", () => {
    expect(card.title).toBe("INC-7 · Payments API down");
  });

  it("THEN the fields show status, priority, impact, urgency, service, people and major", () => {
    expect(card.fields).toEqual([
      { label: "Status", value: "In progress", inline: true },
      { label: "Priority", value: "P2 · High", inline: true },
      { label: "Impact", value: "High", inline: true },
      { label: "Urgency", value: "Medium", inline: true },
      { label: "Service", value: "Payments API", inline: true },
      { label: "Assignee", value: "Alex Agent", inline: true },
      { label: "Reporter", value: "Riley Reporter", inline: true },
      { label: "Major incident", value: "No", inline: true },
    ]);
  });

  it("THEN the badge is the status in a danger colour for a P2", () => {
    expect(card.badge).toEqual({ text: "In progress", intent: "danger" });
  });

  it("THEN the description is the body and category and group are the context", () => {
    expect(card.body).toBe("Checkout fails with 502 since 09:00.");
    expect(card.context).toBe("Category: application · Group: Payments team");
    expect(card.timestamp).toEqual(new Date("2025-03-04T09:05:00Z"));
  });

  it("THEN each action carries the ticket and opens its form", () => {
    expect(card.actions).toEqual([
      {
        id: "incident.resolve",
        label: "Resolve",
        style: "primary",
        value: "INC-7",
        requiresInput: "incident.resolve",
      },
      {
        id: "incident.add_note",
        label: "Add note",
        style: "default",
        value: "INC-7",
        requiresInput: "incident.note",
      },
    ]);
  });
});

describe("GIVEN a resolved, unassigned major incident on no service", () => {
  const card = incidentCard(
    anIncident({
      status: "resolved",
      major: true,
      assignee: null,
      service: null,
      resolutionCode: "workaround",
      resolutionNote: "Restarted the connection pool",
    }),
    [],
  );

  it("THEN it shows the resolution, says major, and has no buttons", () => {
    expect(card.subtitle).toBe("Major incident");
    expect(fieldValue(card, "Resolution")).toBe("Workaround applied");
    expect(fieldValue(card, "Resolution note")).toBe("Restarted the connection pool");
    expect(fieldValue(card, "Assignee")).toBe("Unassigned");
    expect(fieldValue(card, "Service")).toBe("None");
    expect(fieldValue(card, "Major incident")).toBe("Yes");
    expect(card.badge?.intent).toBe("success");
    expect(card.actions).toEqual([]);
  });
});

describe("GIVEN an incident on hold", () => {
  it("THEN the status says what it waits for", () => {
    const card = incidentCard(anIncident({ status: "on_hold", holdReason: "awaiting_vendor" }), ["resume"]);
    expect(fieldValue(card, "Status")).toBe("On hold · Awaiting vendor");
  });
});

describe("GIVEN any set of allowed actions", () => {
  it("THEN the card shows exactly those actions, in that order, each labelled", () => {
    fc.assert(
      fc.property(fc.subarray([...incidentActions]), fc.boolean(), (allowed, shuffle) => {
        const actions = shuffle ? [...allowed].reverse() : allowed;
        const card = incidentCard(anIncident(), actions);
        expect(card.actions.map((action) => action.id)).toEqual(
          actions.map((action) => `incident.${action}`),
        );
        for (const action of card.actions) expect(action.label).not.toBe("");
      }),
    );
  });

  it("THEN every action has the label people expect", () => {
    const card = incidentCard(anIncident(), incidentActions);
    expect(card.actions.map((action) => action.label)).toEqual([
      "Acknowledge",
      "Assign to me",
      "Assign to…",
      "Add note",
      "Change priority",
      "Put on hold",
      "Resume",
      "Resolve",
      "Reopen",
      "Close",
      "Cancel",
      "Declare major",
      "Resolve as fixed by its problem",
    ]);
    expect(card.actions.find((action) => action.id === "incident.declare_major")?.confirm).toBe(
      "Declare a major incident? The major incident process starts and more people are alerted.",
    );
  });
});
