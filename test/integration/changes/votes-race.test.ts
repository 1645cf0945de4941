import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../src/kernel/people/actor.js";
import { readTimeline } from "../../../src/kernel/tickets/timeline-read.js";
import { applyChangeAction } from "../../../src/practices/changes/apply-change-action.js";
import { castVote } from "../../../src/practices/changes/cast-vote.js";
import { createChange } from "../../../src/practices/changes/create-change.js";
import { findChange } from "../../../src/practices/changes/find-change.js";
import { type ChangeWorld, seedChangeWorld } from "../../support/change-fixtures.js";
import { describeEachDatabase } from "../../support/databases.js";

describeEachDatabase("GIVEN a CAB of 15 voting at the same moment", (db) => {
  let world: ChangeWorld;
  beforeAll(async () => {
    world = await seedChangeWorld(db().handle.db, "r", {
      cabSize: 15,
      settings: {},
    });
  });

  async function awaitingApproval(day: number, quorum: number) {
    const ctx = {
      ...world.ctx,
      settings: {
        ...world.ctx.settings,
        normal: { approvers: "cab-r", quorum: { kind: "count" as const, value: quorum } },
      },
    };
    const { change } = await createChange(ctx, world.requester, {
      title: `Race ${day}`,
      start: `2026-11-${day} 22:00`,
      end: `2026-11-${day} 23:00`,
    });
    await applyChangeAction(ctx, world.requester, change.number, { type: "submit" });
    await applyChangeAction(ctx, world.requester, change.number, { type: "request_approval" });
    return { ctx, change };
  }

  async function everyone(
    ctx: ChangeWorld["ctx"],
    number: number,
    voters: readonly Actor[],
    reject: Actor[] = [],
  ) {
    return Promise.allSettled(
      voters.map((voter) =>
        castVote(
          ctx,
          voter,
          number,
          reject.includes(voter) ? { decision: "reject", reason: "Not this week" } : { decision: "approve" },
        ),
      ),
    );
  }

  describe("WHEN all 15 approve and 8 approvals decide", () => {
    it("THEN exactly one decision is recorded, 8 votes count, and the 7 late voters are told politely", async () => {
      const { ctx, change } = await awaitingApproval(23, 8);
      const results = await everyone(ctx, change.number, world.cab);
      const accepted = results.filter((result) => result.status === "fulfilled");
      const refused = results.filter((result) => result.status === "rejected");
      expect(accepted).toHaveLength(8);
      expect(accepted.filter((result) => result.value.decided === "approved")).toHaveLength(1);
      for (const result of refused) {
        expect(result.reason).toMatchObject({
          code: "already_done",
          userMessage: `Thanks, but ${change.ref} was already approved before your vote arrived. Your vote was not needed.`,
        });
      }
      const after = await findChange(db().handle.db, change.number);
      expect(after).toMatchObject({ status: "scheduled", decision: "approved" });
      expect(after.votes).toHaveLength(8);
      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "approved")).toHaveLength(1);
      expect(timeline.filter((entry) => entry.kind === "vote_approved")).toHaveLength(8);
    });
  });

  describe("WHEN one of the 15 rejects among the approvals", () => {
    it("THEN the outcome is a single decision consistent with the votes counted before it", async () => {
      const { ctx, change } = await awaitingApproval(24, 15);
      const rejecter = world.cab[7] as Actor;
      const results = await everyone(ctx, change.number, world.cab, [rejecter]);
      const after = await findChange(db().handle.db, change.number);
      // Nobody reaches 15 approvals once one rejects: the rejection decides, whenever it lands.
      expect(after).toMatchObject({ status: "rejected", decision: "rejected" });
      expect(results.filter((result) => result.status === "fulfilled" && result.value.decided)).toHaveLength(
        1,
      );
      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "rejected" || entry.kind === "approved")).toHaveLength(
        1,
      );
      expect(after.votes.filter((vote) => vote.decision === "reject")).toHaveLength(1);
      // Every counted vote landed before the decision; the ones after it were refused.
      const refused = results.filter((result) => result.status === "rejected").length;
      expect(after.votes.length + refused).toBe(15);
    });
  });

  describe("WHEN one approver double-clicks five times at once", () => {
    it("THEN the vote counts once and the change is still waiting", async () => {
      const { ctx, change } = await awaitingApproval(25, 3);
      const voter = world.cab[3] as Actor;
      const results = await everyone(ctx, change.number, [voter, voter, voter, voter, voter]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results.filter((r) => r.status === "rejected")) {
        expect(result.reason).toMatchObject({ code: "already_done" });
      }
      const after = await findChange(db().handle.db, change.number);
      expect(after.votes).toHaveLength(1);
      expect(after.status).toBe("authorize");
    });
  });
});
