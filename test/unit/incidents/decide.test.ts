import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { itilPriorityMatrix, priorityFor } from "../../../src/kernel/priority.js";
import { decideIncidentChange } from "../../../src/practices/incidents/decide.js";
import type { DecidableIncidentAction } from "../../../src/practices/incidents/inputs.js";
import { actionsAllowedIn } from "../../../src/practices/incidents/lifecycle.js";
import {
  type IncidentSnapshot,
  type IncidentStatus,
  impacts,
  incidentStatuses,
  urgencies,
} from "../../../src/practices/incidents/model.js";

const agent: Actor = { person: { id: "ada", displayName: "Ada" }, roles: new Set(["agent"]) };
const now = new Date("2026-11-02T10:00:00Z");

function incident(overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  return {
    id: 1,
    number: 7,
    ref: "INC-7",
    title: "Payments down",
    description: "",
    impact: "medium",
    urgency: "medium",
    priority: "P3",
    status: "new",
    holdReason: null,
    service: null,
    category: null,
    reporter: { id: "rita", displayName: "Rita" },
    assignee: null,
    assignedGroup: null,
    major: false,
    resolutionCode: null,
    resolutionNote: null,
    createdAt: now,
    updatedAt: now,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    version: 0,
    ...overrides,
  };
}

const decide = (
  status: IncidentStatus,
  command: DecidableIncidentAction,
  extra: Partial<IncidentSnapshot> = {},
) =>
  decideIncidentChange({
    incident: incident({ status, ...extra }),
    actor: agent,
    command,
    now,
    matrix: itilPriorityMatrix,
  });

describe("GIVEN the ITIL priority matrix", () => {
  it("THEN high impact and high urgency is P1 and low/low is P5", () => {
    expect(priorityFor(itilPriorityMatrix, "high", "high")).toBe("P1");
    expect(priorityFor(itilPriorityMatrix, "medium", "medium")).toBe("P3");
    expect(priorityFor(itilPriorityMatrix, "low", "low")).toBe("P5");
  });

  it("THEN raising impact or urgency never lowers the priority", () => {
    const rank = { high: 0, medium: 1, low: 2 } as const;
    /** Pairs [higher or equal, lower or equal]. */
    const ordered = <T extends keyof typeof rank>(values: readonly T[]) =>
      values.flatMap((a) => values.filter((b) => rank[a] <= rank[b]).map((b) => [a, b] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...ordered(impacts)),
        fc.constantFrom(...ordered(urgencies)),
        ([i1, i2], [u1, u2]) => {
          expect(priorityFor(itilPriorityMatrix, i1, u1) <= priorityFor(itilPriorityMatrix, i2, u2)).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe("GIVEN the incident state machine", () => {
  it("THEN acknowledging a new incident starts work and assigns it to the agent", () => {
    expect(decide("new", { type: "acknowledge" }).update).toEqual({
      status: "in_progress",
      acknowledgedAt: now,
      assigneeId: "ada",
    });
  });

  it("THEN terminal states allow nothing", () => {
    expect(actionsAllowedIn("closed")).toEqual([]);
    expect(actionsAllowedIn("cancelled")).toEqual([]);
  });

  it("THEN every action outside the allowed set is refused with the state and what to do", () => {
    for (const status of incidentStatuses) {
      if (actionsAllowedIn(status).includes("resume")) continue;
      expect(() => decide(status, { type: "resume" })).toThrow(/so you cannot resume it/);
    }
  });

  it("THEN a hold records its reason and resuming clears it", () => {
    expect(decide("in_progress", { type: "hold", reason: "awaiting_caller" }).update).toEqual({
      status: "on_hold",
      holdReason: "awaiting_caller",
    });
    expect(decide("on_hold", { type: "resume" }, { holdReason: "awaiting_caller" }).update).toEqual({
      status: "in_progress",
      holdReason: null,
    });
  });

  it("THEN a priority change to the same values is reported as already done", () => {
    expect(() =>
      decide("in_progress", { type: "change_priority", impact: "medium", urgency: "medium", reason: "same" }),
    ).toThrow("INC-7 already has impact medium and urgency medium.");
  });

  it("THEN declaring major twice is reported as already done", () => {
    expect(() => decide("in_progress", { type: "declare_major" }, { major: true })).toThrow(
      "INC-7 is already a major incident.",
    );
  });
});

describe("GIVEN an incident someone else already holds", () => {
  it("WHEN an agent presses Assign to me THEN nothing changes and they are told who holds it and how to take it over", () => {
    const held = { assignee: { id: "otto", displayName: "Otto Agent" } };
    expect(() => decide("in_progress", { type: "assign_to_me" }, held)).toThrow(
      expect.objectContaining({
        code: "already_done",
        userMessage:
          "INC-7 was already assigned to Otto Agent. To take it over, name the new assignee: /incident assign INC-7 to:@name",
      }),
    );
    const takeOver = decideIncidentChange({
      incident: incident({ status: "in_progress", ...held }),
      actor: agent,
      command: { type: "assign", assigneeId: "ada" },
      now,
      matrix: itilPriorityMatrix,
      target: { person: { id: "ada", displayName: "Ada", isAgent: true } },
    });
    expect(takeOver.update.assigneeId).toBe("ada");
  });
});
