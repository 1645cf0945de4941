import { describe, expect, it } from "vitest";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { decideChangeAction } from "../../../src/practices/changes/decide.js";
import { actionsAllowedFor, submitTarget } from "../../../src/practices/changes/lifecycle.js";
import {
  type ChangeAction,
  type ChangeStatus,
  changeStatuses,
} from "../../../src/practices/changes/model.js";
import { changeFixture } from "./fixture.js";

const requester: Actor = { person: { id: "rhea", displayName: "Rhea Requester" }, roles: new Set(["agent"]) };
const bystander: Actor = { person: { id: "bea", displayName: "Bea" }, roles: new Set(["cab"]) };
const now = new Date("2026-11-02T10:00:00Z");
const blackout = {
  kind: "blackout" as const,
  name: "Year-end freeze",
  start: new Date("2026-12-19T23:00:00Z"),
  end: new Date("2027-01-03T23:00:00Z"),
};

describe("GIVEN the change types", () => {
  it("THEN submit leads normal changes to assess, emergency changes to authorize and standard ones to scheduled", () => {
    expect(submitTarget("normal")).toBe("assess");
    expect(submitTarget("emergency")).toBe("authorize");
    expect(submitTarget("standard")).toBe("scheduled");
  });
});

describe("GIVEN the lifecycle", () => {
  it("THEN cancel is allowed from new up to scheduled and never from implement on", () => {
    const cancellable = changeStatuses.filter((status) => actionsAllowedFor({ status }).includes("cancel"));
    expect(cancellable).toEqual(["new", "assess", "authorize", "scheduled"]);
  });

  it("THEN every state allows only its next step (and reschedule or cancel before work starts)", () => {
    const next: Record<ChangeStatus, ChangeAction[]> = {
      new: ["submit", "reschedule", "cancel"],
      assess: ["request_approval", "reschedule", "cancel"],
      authorize: ["approve", "reject", "cancel"],
      scheduled: ["start", "reschedule", "cancel"],
      implement: ["finish"],
      review: ["close"],
      closed: [],
      cancelled: [],
      rejected: [],
    };
    for (const status of changeStatuses) expect(actionsAllowedFor({ status })).toEqual(next[status]);
  });

  it("THEN a step out of order is refused with what to do instead", () => {
    expect(() =>
      decideChangeAction({
        change: changeFixture({ status: "review" }),
        actor: requester,
        command: { type: "start" },
        now,
        conflicts: [],
        timezone: "Europe/Berlin",
      }),
    ).toThrow("CHG-12 is in review, so you cannot start implementing it. Close it with a closure code.");
  });

  it("THEN someone who is neither requester, implementer nor agent cannot drive the change", () => {
    expect(() =>
      decideChangeAction({
        change: changeFixture(),
        actor: bystander,
        command: { type: "submit" },
        now,
        conflicts: [],
        timezone: "Europe/Berlin",
      }),
    ).toThrow("Only the requester of CHG-12 (Rhea Requester), its implementer or an agent can do that.");
  });

  it("THEN closing records the closure code and notes", () => {
    const plan = decideChangeAction({
      change: changeFixture({ status: "review" }),
      actor: requester,
      command: { type: "close", code: "rolled_back", notes: "Backed out at 23:10" },
      now,
      conflicts: [],
      timezone: "Europe/Berlin",
    });
    expect(plan.update).toMatchObject({
      status: "closed",
      closureCode: "rolled_back",
      closureNotes: "Backed out at 23:10",
    });
    expect(plan.event).toMatchObject({ kind: "closed", body: "Backed out at 23:10" });
  });
});

describe("GIVEN a change whose window overlaps a blackout", () => {
  const decide = (
    type: "normal" | "standard" | "emergency",
    status: ChangeStatus,
    command: "submit" | "request_approval",
  ) =>
    decideChangeAction({
      change: changeFixture({ type, status }),
      actor: requester,
      command: { type: command },
      now,
      conflicts: [blackout],
      timezone: "Europe/Berlin",
      approval: { groupId: "cab", needed: 1 },
    });

  it("THEN a normal change cannot be sent for approval and a standard one cannot be scheduled", () => {
    expect(() => decide("normal", "assess", "request_approval")).toThrow(
      'CHG-12 cannot be sent for approval: its window overlaps the blackout "Year-end freeze" (2026-12-20 00:00 – 2027-01-04 00:00).',
    );
    expect(() => decide("standard", "new", "submit")).toThrow("CHG-12 cannot be scheduled");
  });

  it("THEN an emergency change still goes to its approvers", () => {
    expect(decide("emergency", "new", "submit").update).toMatchObject({ status: "authorize", quorum: 1 });
  });
});
