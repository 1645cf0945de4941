import { beforeAll, describe, expect, it } from "vitest";
import { readTimeline } from "../../../src/kernel/tickets/timeline-read.js";
import { applyChangeAction } from "../../../src/practices/changes/apply-change-action.js";
import { castVote } from "../../../src/practices/changes/cast-vote.js";
import { createChange } from "../../../src/practices/changes/create-change.js";
import { findChange } from "../../../src/practices/changes/find-change.js";
import type { CreateChangeInput } from "../../../src/practices/changes/inputs.js";
import { type ChangeWorld, seedChangeWorld } from "../../support/change-fixtures.js";
import { describeEachDatabase } from "../../support/databases.js";

// Each scenario plans its change on its own day (Berlin wall clock), so they never overlap each other.
function onDay(day: number, extra: Partial<CreateChangeInput> = {}): CreateChangeInput {
  const date = `2026-11-${String(day).padStart(2, "0")}`;
  return {
    title: `Change on ${date}`,
    start: `${date} 22:00`,
    end: `${date} 23:30`,
    serviceIds: [],
    risk: "medium",
    impact: "low",
    ...extra,
  };
}

describeEachDatabase("GIVEN the change services on a real database", (db) => {
  let world: ChangeWorld;
  beforeAll(async () => {
    world = await seedChangeWorld(db().handle.db, "l", { cabSize: 4 });
  });

  const countChanges = () => db().handle.db.change.count();

  describe("WHEN a normal change goes through every step", () => {
    it("THEN it is assessed, approved by quorum, implemented, reviewed and closed, all on the timeline", async () => {
      const { ctx, requester, implementer, cab, clock } = world;
      const { change, timezone } = await createChange(
        ctx,
        requester,
        onDay(10, { assigneeId: implementer.person.id }),
      );
      expect(change).toMatchObject({
        status: "new",
        type: "normal",
        requester: { displayName: "Rhea Requester" },
      });
      expect(change.ref).toBe(`CHG-${change.number}`);
      expect(timezone).toBe("Europe/Berlin");
      // 22:00 in Berlin (UTC+1 in November) is 21:00 UTC.
      expect(change.plannedStart.toISOString()).toBe("2026-11-10T21:00:00.000Z");

      const steps: [string, string][] = [];
      const step = async (input: Parameters<typeof applyChangeAction>[3], actor = requester) => {
        clock.advance(60_000);
        const result = await applyChangeAction(ctx, actor, change.number, input);
        steps.push([result.kind, result.change.status]);
        return result.change;
      };
      await step({ type: "submit" });
      const asked = await step({ type: "request_approval" });
      expect(asked).toMatchObject({ status: "authorize", quorum: 2, approvalGroupId: "cab-l" });

      const first = await castVote(ctx, cab[0] as ChangeWorld["requester"], change.number, {
        decision: "approve",
      });
      expect(first).toMatchObject({ decided: undefined, tally: { approvals: 1, needed: 2 } });
      const second = await castVote(ctx, cab[1] as ChangeWorld["requester"], change.number, {
        decision: "approve",
      });
      expect(second).toMatchObject({
        decided: "approved",
        change: { status: "scheduled", decision: "approved" },
      });

      await step({ type: "start" }, implementer);
      await step({ type: "finish" }, implementer);
      const closed = await step({ type: "close", code: "successful", notes: "No errors after 30 minutes" });
      expect(closed).toMatchObject({
        status: "closed",
        closureCode: "successful",
        closureNotes: "No errors after 30 minutes",
      });
      expect(steps).toEqual([
        ["submitted", "assess"],
        ["approval_requested", "authorize"],
        ["implementation_started", "implement"],
        ["implementation_finished", "review"],
        ["closed", "closed"],
      ]);

      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.map((entry) => entry.kind)).toEqual([
        "created",
        "submitted",
        "approval_requested",
        "vote_approved",
        "vote_approved",
        "approved",
        "implementation_started",
        "implementation_finished",
        "closed",
      ]);
      const votes = timeline.filter((entry) => entry.kind === "vote_approved");
      expect(votes.map((entry) => entry.actor.displayName)).toEqual(["CAB member 0", "CAB member 1"]);
      expect(votes.every((entry) => entry.at instanceof Date)).toBe(true);
    });
  });

  describe("WHEN a step does not fit the state", () => {
    it("THEN it is refused with a message that says what to do", async () => {
      const { ctx, requester, implementer, cab } = world;
      const { change } = await createChange(ctx, requester, onDay(11, { assigneeId: implementer.person.id }));
      await expect(applyChangeAction(ctx, requester, change.number, { type: "start" })).rejects.toMatchObject(
        {
          code: "invalid_transition",
          userMessage: `${change.ref} is new, so you cannot start implementing it. Submit it first.`,
        },
      );
      await expect(
        castVote(ctx, cab[0] as ChangeWorld["requester"], change.number, { decision: "approve" }),
      ).rejects.toMatchObject({
        code: "invalid_transition",
        userMessage: `${change.ref} is not waiting for approval, so there is nothing to vote on.`,
      });
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      await applyChangeAction(ctx, requester, change.number, { type: "request_approval" });
      await castVote(ctx, cab[0] as ChangeWorld["requester"], change.number, { decision: "approve" });
      await castVote(ctx, cab[1] as ChangeWorld["requester"], change.number, { decision: "approve" });
      await applyChangeAction(ctx, implementer, change.number, { type: "start" });
      await expect(
        applyChangeAction(ctx, requester, change.number, { type: "cancel", reason: "Too late" }),
      ).rejects.toMatchObject({
        code: "invalid_transition",
        userMessage: expect.stringContaining("a change being implemented can no longer be cancelled"),
      });
    });

    it("THEN cancel works from new up to scheduled, and only for its requester, implementer or agents", async () => {
      const { ctx, requester, cab } = world;
      const { change } = await createChange(ctx, requester, onDay(12));
      await expect(
        applyChangeAction(ctx, cab[0] as ChangeWorld["requester"], change.number, {
          type: "cancel",
          reason: "No",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      const cancelled = await applyChangeAction(ctx, requester, change.number, {
        type: "cancel",
        reason: "Vendor postponed",
      });
      expect(cancelled.change.status).toBe("cancelled");
    });
  });

  describe("WHEN approvers vote", () => {
    async function pending(day: number) {
      const { ctx, requester, implementer } = world;
      const { change } = await createChange(
        ctx,
        requester,
        onDay(day, { assigneeId: implementer.person.id }),
      );
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      await applyChangeAction(ctx, requester, change.number, { type: "request_approval" });
      return change;
    }

    it("THEN the requester and the implementer may not approve their own change, nor may outsiders", async () => {
      const change = await pending(13);
      for (const [actor, text] of [
        [world.requester, `You requested ${change.ref}, so you cannot approve or reject it yourself.`],
        [
          world.implementer,
          `You are implementing ${change.ref}, so you cannot approve or reject it yourself.`,
        ],
        [world.emergencyOnly, `Only members of Change advisory board can approve or reject ${change.ref}.`],
      ] as const) {
        await expect(
          castVote(world.ctx, actor, change.number, { decision: "approve" }),
        ).rejects.toMatchObject({
          code: "forbidden",
          userMessage: expect.stringContaining(text),
        });
      }
      expect(await db().handle.db.changeVote.count({ where: { changeId: change.id } })).toBe(0);
    });

    it("THEN a second vote by the same person counts once and says so", async () => {
      const change = await pending(14);
      const voter = world.cab[2] as ChangeWorld["requester"];
      await castVote(world.ctx, voter, change.number, { decision: "approve" });
      await expect(castVote(world.ctx, voter, change.number, { decision: "approve" })).rejects.toMatchObject({
        code: "already_done",
        userMessage: `You already voted to approve ${change.ref}; each approver has one vote.`,
      });
      const after = await findChange(db().handle.db, change.number);
      expect(after.votes).toHaveLength(1);
      expect(after.status).toBe("authorize");
    });

    it("THEN any single rejection rejects, the reason is required and recorded, and later votes are refused politely", async () => {
      const change = await pending(15);
      const [a, b, c] = world.cab as [
        ChangeWorld["requester"],
        ChangeWorld["requester"],
        ChangeWorld["requester"],
      ];
      await castVote(world.ctx, a, change.number, { decision: "approve" });
      await expect(castVote(world.ctx, b, change.number, { decision: "reject" })).rejects.toMatchObject({
        code: "validation_failed",
        userMessage: "Say why you reject the change: the requester needs the reason.",
      });
      const rejected = await castVote(world.ctx, b, change.number, {
        decision: "reject",
        reason: "No backout plan",
      });
      expect(rejected).toMatchObject({
        decided: "rejected",
        change: { status: "rejected", decision: "rejected" },
      });
      await expect(castVote(world.ctx, c, change.number, { decision: "approve" })).rejects.toMatchObject({
        code: "already_done",
        userMessage: `Thanks, but ${change.ref} was already rejected before your vote arrived. Your vote was not needed.`,
      });
      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.find((entry) => entry.kind === "vote_rejected")).toMatchObject({
        body: "No backout plan",
        actor: { displayName: "CAB member 1" },
      });
    });

    it("THEN a quorum given as a percentage counts the eligible approvers", async () => {
      const change = await pending(16);
      const ctx = {
        ...world.ctx,
        settings: {
          ...world.ctx.settings,
          normal: { approvers: "cab-l", quorum: { kind: "percent" as const, value: 75 } },
        },
      };
      const other = await createChange(
        ctx,
        world.requester,
        onDay(17, { assigneeId: world.implementer.person.id }),
      );
      await applyChangeAction(ctx, world.requester, other.change.number, { type: "submit" });
      const asked = await applyChangeAction(ctx, world.requester, other.change.number, {
        type: "request_approval",
      });
      // 75% of the 4 CAB members, rounded up.
      expect(asked.change.quorum).toBe(3);
      expect(change.number).toBeLessThan(other.change.number);
    });
  });

  describe("WHEN standard and emergency changes run", () => {
    it("THEN a standard change takes its template and is scheduled on submit without approval", async () => {
      const { change } = await createChange(world.ctx, world.requester, {
        type: "standard",
        templateId: "cert-rotation",
        start: "2026-11-18 06:00",
      });
      expect(change).toMatchObject({
        title: "Rotate TLS certificates",
        risk: "low",
        services: [{ id: "payments" }],
        backoutPlan: "Restore the previous certificate",
      });
      expect(change.plannedEnd.getTime() - change.plannedStart.getTime()).toBe(30 * 60_000);
      const submitted = await applyChangeAction(world.ctx, world.requester, change.number, {
        type: "submit",
      });
      expect(submitted.change.status).toBe("scheduled");
    });

    it("THEN a normal change inside a blackout cannot be sent for approval", async () => {
      const { change, conflicts } = await createChange(
        world.ctx,
        world.requester,
        onDay(0, {
          start: "2026-12-22 22:00",
          end: "2026-12-22 23:00",
        }),
      );
      expect(conflicts).toContainEqual(
        expect.objectContaining({ kind: "blackout", name: "Year-end freeze" }),
      );
      await applyChangeAction(world.ctx, world.requester, change.number, { type: "submit" });
      await expect(
        applyChangeAction(world.ctx, world.requester, change.number, { type: "request_approval" }),
      ).rejects.toMatchObject({
        code: "invalid_transition",
        userMessage: expect.stringContaining(
          'overlaps the blackout "Year-end freeze" (2026-12-20 00:00 – 2027-01-04 00:00)',
        ),
      });
    });

    it("THEN an emergency change skips assessment, is approved by the emergency CAB, and its blackout override is recorded", async () => {
      const { change } = await createChange(
        world.ctx,
        world.requester,
        onDay(0, {
          type: "emergency",
          start: "2026-12-23 02:00",
          end: "2026-12-23 03:00",
        }),
      );
      const submitted = await applyChangeAction(world.ctx, world.requester, change.number, {
        type: "submit",
      });
      expect(submitted.change).toMatchObject({ status: "authorize", approvalGroupId: "ecab-l", quorum: 1 });
      const voted = await castVote(world.ctx, world.emergencyOnly, change.number, { decision: "approve" });
      expect(voted.change).toMatchObject({ status: "scheduled", blackoutOverride: true });
      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.find((entry) => entry.kind === "approved")?.after).toMatchObject({
        blackoutOverride: true,
      });
    });
  });

  describe("WHEN a change is planned next to others", () => {
    it("THEN overlaps on the same service and through dependencies both ways are found, and maintenance windows are checked", async () => {
      const { ctx, requester } = world;
      const base = await createChange(
        ctx,
        requester,
        onDay(19, { serviceIds: ["payments"], title: "Payments release" }),
      );
      const same = await createChange(ctx, requester, onDay(19, { serviceIds: ["payments"] }));
      expect(same.conflicts).toEqual([
        expect.objectContaining({
          kind: "overlap",
          ref: base.change.ref,
          relation: "same",
          serviceId: "payments",
        }),
      ]);
      const dependency = await createChange(ctx, requester, onDay(19, { serviceIds: ["identity"] }));
      expect(dependency.conflicts).toContainEqual(
        expect.objectContaining({
          ref: base.change.ref,
          relation: "dependency_of",
          otherServiceId: "payments",
        }),
      );
      const later = await createChange(
        ctx,
        requester,
        onDay(20, { serviceIds: ["identity"], title: "Identity upgrade" }),
      );
      const dependent = await createChange(ctx, requester, onDay(20, { serviceIds: ["payments"] }));
      expect(dependent.conflicts).toContainEqual(
        expect.objectContaining({
          ref: later.change.ref,
          relation: "depends_on",
          otherServiceId: "identity",
        }),
      );
      // Reporting may only change at weekends; 2026-11-20 is a Friday, 2026-11-21 a Saturday.
      const weekday = await createChange(ctx, requester, onDay(20, { serviceIds: ["reporting"] }));
      expect(weekday.conflicts).toEqual([{ kind: "outside_maintenance", serviceId: "reporting" }]);
      const weekend = await createChange(ctx, requester, onDay(21, { serviceIds: ["reporting"] }));
      expect(weekend.conflicts).toEqual([]);
    });
  });

  describe("WHEN a change is rescheduled", () => {
    it("THEN a scheduled normal change goes back to assessment, its votes are void and conflicts are found anew", async () => {
      const { ctx, requester, implementer, cab } = world;
      const blocker = await createChange(
        ctx,
        requester,
        onDay(26, { serviceIds: ["identity"], title: "Identity blocker" }),
      );
      const { change } = await createChange(
        ctx,
        requester,
        onDay(25, { serviceIds: ["payments"], assigneeId: implementer.person.id }),
      );
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      await applyChangeAction(ctx, requester, change.number, { type: "request_approval" });
      await castVote(ctx, cab[0] as ChangeWorld["requester"], change.number, { decision: "approve" });
      await castVote(ctx, cab[1] as ChangeWorld["requester"], change.number, { decision: "approve" });

      const moved = await applyChangeAction(ctx, requester, change.number, {
        type: "reschedule",
        start: "2026-11-26 22:30",
      });
      expect(moved.kind).toBe("rescheduled");
      expect(moved.change).toMatchObject({ status: "assess", decision: null, votes: [] });
      // The length of the window is kept when only the start moves.
      expect(moved.change.plannedEnd.getTime() - moved.change.plannedStart.getTime()).toBe(90 * 60_000);
      const timeline = await readTimeline(db().handle.db, "change", change.id, { includeInternal: true });
      expect(timeline.filter((entry) => entry.kind === "vote_approved")).toHaveLength(2);
      expect(timeline.at(-1)).toMatchObject({
        kind: "rescheduled",
        before: { status: "scheduled" },
        after: { status: "assess" },
      });

      // Back through approval, now voting on the new plan, which overlaps the blocker through the dependency.
      const again = await applyChangeAction(ctx, requester, change.number, { type: "request_approval" });
      expect(again.change.status).toBe("authorize");
      await expect(
        applyChangeAction(ctx, requester, change.number, { type: "reschedule", start: "2026-11-27 22:00" }),
      ).rejects.toMatchObject({ code: "invalid_transition" });
      expect(blocker.change.number).toBeLessThan(change.number);
    });

    it("THEN a standard change stays scheduled, but not into a blackout, and an unchanged plan is refused", async () => {
      const { ctx, requester } = world;
      const { change } = await createChange(ctx, requester, {
        type: "standard",
        templateId: "cert-rotation",
        start: "2026-11-27 06:00",
      });
      await applyChangeAction(ctx, requester, change.number, { type: "submit" });
      const moved = await applyChangeAction(ctx, requester, change.number, {
        type: "reschedule",
        start: "2026-11-27 07:00",
      });
      expect(moved.change.status).toBe("scheduled");
      await expect(
        applyChangeAction(ctx, requester, change.number, { type: "reschedule", start: "2026-12-22 07:00" }),
      ).rejects.toMatchObject({
        code: "invalid_transition",
        userMessage: expect.stringContaining("cannot be scheduled"),
      });
      await expect(
        applyChangeAction(ctx, requester, change.number, { type: "reschedule", start: "2026-11-27 07:00" }),
      ).rejects.toMatchObject({ code: "already_done" });
    });
  });

  describe("WHEN the input is wrong", () => {
    it("THEN each mistake gets a specific message and nothing is written", async () => {
      const { ctx, requester, stranger } = world;
      const before = await countChanges();
      const cases: [CreateChangeInput, string][] = [
        [
          onDay(22, { end: "2026-11-22 21:00" }),
          "The planned end (2026-11-22 21:00) must be after the planned start (2026-11-22 22:00).",
        ],
        [
          onDay(1, { start: "2026-11-01 08:00", end: "2026-11-01 09:00" }),
          "The planned window (2026-11-01 08:00 – 2026-11-01 09:00) is in the past. Plan the change from now on.",
        ],
        [
          onDay(22, { start: "next friday" }),
          'The planned start "next friday" is not a date and time. Write it like 2026-11-20 22:00 (your time zone, Europe/Berlin).',
        ],
        [onDay(22, { serviceIds: ["paymnts"] }), 'There is no service "paymnts". Known services:'],
        [onDay(22, { title: "x".repeat(151) }), "The title is too long: keep it under 150 characters."],
        [
          { type: "standard", templateId: "nope", start: "2026-11-22 06:00" },
          'There is no standard change template "nope". Templates: cert-rotation.',
        ],
      ];
      for (const [input, message] of cases) {
        await expect(createChange(ctx, requester, input)).rejects.toMatchObject({
          userMessage: expect.stringContaining(message),
        });
      }
      await expect(createChange(ctx, stranger, onDay(22))).rejects.toMatchObject({ code: "forbidden" });
      await expect(applyChangeAction(ctx, requester, 99_999, { type: "submit" })).rejects.toMatchObject({
        code: "not_found",
        userMessage: "There is no CHG-99999. Check the number with /change list.",
      });
      expect(await countChanges()).toBe(before);
    });
  });
});
