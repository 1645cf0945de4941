import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approvalsNeeded,
  assertMayVote,
  eligibleApprovers,
  outcomeOf,
  tallyOf,
} from "../../../src/practices/changes/approvals.js";
import { changeFixture } from "./fixture.js";

const person = (id: string) => ({ id, displayName: id });

describe("GIVEN a quorum", () => {
  it("THEN a count is taken as written and a percentage of the eligible approvers is rounded up", () => {
    expect(approvalsNeeded({ kind: "count", value: 2 }, 9)).toBe(2);
    expect(approvalsNeeded({ kind: "percent", value: 50 }, 4)).toBe(2);
    expect(approvalsNeeded({ kind: "percent", value: 50 }, 5)).toBe(3);
    expect(approvalsNeeded({ kind: "percent", value: 100 }, 15)).toBe(15);
    expect(approvalsNeeded({ kind: "percent", value: 10 }, 3)).toBe(1);
  });

  it("THEN a percentage never needs more approvals than there are approvers, nor fewer than one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 200 }),
        (percent, approvers) => {
          const needed = approvalsNeeded({ kind: "percent", value: percent }, approvers);
          return needed >= 1 && needed <= approvers;
        },
      ),
    );
  });
});

describe("GIVEN the votes cast so far", () => {
  it("THEN any single rejection rejects, whatever the approvals", () => {
    expect(
      outcomeOf(tallyOf([{ decision: "approve" }, { decision: "approve" }, { decision: "reject" }], 2)),
    ).toBe("rejected");
  });

  it("THEN the quorum of approvals approves and fewer keep it pending", () => {
    expect(outcomeOf(tallyOf([{ decision: "approve" }], 2))).toBe("pending");
    expect(outcomeOf(tallyOf([{ decision: "approve" }, { decision: "approve" }], 2))).toBe("approved");
  });
});

describe("GIVEN the approving group", () => {
  const change = changeFixture();
  const group = [person("rhea"), person("ivan"), person("cab1"), person("cab2"), person("cab1")];

  it("THEN the requester and the implementer are not eligible, and nobody counts twice", () => {
    expect(eligibleApprovers(change, group).map((p) => p.id)).toEqual(["cab1", "cab2"]);
  });

  it("THEN the requester, the implementer and outsiders are refused, each with their reason", () => {
    expect(() => assertMayVote(change, person("rhea"), group, "the CAB")).toThrow(
      "You requested CHG-12, so you cannot approve or reject it yourself.",
    );
    expect(() => assertMayVote(change, person("ivan"), group, "the CAB")).toThrow(
      "You are implementing CHG-12, so you cannot approve or reject it yourself.",
    );
    expect(() => assertMayVote(change, person("zoe"), group, "the CAB")).toThrow(
      "Only members of the CAB can approve or reject CHG-12.",
    );
    expect(() => assertMayVote(change, person("cab2"), group, "the CAB")).not.toThrow();
  });
});
