import { beforeAll, describe, expect, it } from "vitest";
import { readTimeline } from "../../../src/kernel/tickets/timeline-read.js";
import { applyIncidentAction } from "../../../src/practices/incidents/apply-incident-action.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import { listIncidents } from "../../../src/practices/incidents/list-incidents.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type IncidentWorld, seedIncidentWorld } from "../../support/incident-fixtures.js";

describeEachDatabase("GIVEN the incident services on a real database", (db) => {
  let world: IncidentWorld;
  beforeAll(async () => {
    world = await seedIncidentWorld(db().handle.db, "l");
  });

  describe("WHEN a reporter raises an incident with impact and urgency", () => {
    it("THEN the priority comes from the matrix and the incident is new", async () => {
      const incident = await createIncident(world.ctx, world.reporter, {
        title: "  Payments API down  ",
        description: "Checkout fails with 502",
        impact: "high",
        urgency: "medium",
        serviceId: "payments",
        category: "network",
      });
      expect(incident).toMatchObject({
        title: "Payments API down",
        priority: "P2",
        status: "new",
        service: { id: "payments", name: "Payments API" },
        reporter: { displayName: "Rita Reporter" },
        assignee: null,
      });
      expect(incident.ref).toBe(`INC-${incident.number}`);
    });

    it("THEN an empty title is refused with what to do and nothing is written", async () => {
      const before = await db().handle.db.incident.count();
      await expect(createIncident(world.ctx, world.reporter, { title: "   " })).rejects.toMatchObject({
        code: "validation_failed",
        userMessage: "The title cannot be empty.",
      });
      await expect(
        createIncident(world.ctx, world.reporter, { title: "t".repeat(151) }),
      ).rejects.toMatchObject({
        userMessage: "The title is too long: keep it under 150 characters.",
      });
      expect(await db().handle.db.incident.count()).toBe(before);
    });
  });

  describe("WHEN an agent works an incident from start to finish", () => {
    it("THEN every step changes the state and lands on the timeline in order", async () => {
      const { ctx, agent, reporter, clock } = world;
      const incident = await createIncident(ctx, reporter, {
        title: "VPN drops",
        impact: "medium",
        urgency: "high",
      });
      clock.advance(60_000);
      const acked = await applyIncidentAction(ctx, agent, incident.number, { type: "acknowledge" });
      expect(acked.incident).toMatchObject({ status: "in_progress", assignee: { displayName: "Ada Agent" } });
      expect(acked.incident.acknowledgedAt?.toISOString()).toBe("2026-11-02T09:01:00.000Z");

      await applyIncidentAction(ctx, agent, incident.number, { type: "hold", reason: "awaiting_vendor" });
      const resumed = await applyIncidentAction(ctx, agent, incident.number, { type: "resume" });
      expect(resumed.incident).toMatchObject({ status: "in_progress", holdReason: null });

      await applyIncidentAction(ctx, agent, incident.number, {
        type: "change_priority",
        impact: "high",
        urgency: "high",
        reason: "Whole sales floor affected",
      });
      await applyIncidentAction(ctx, agent, incident.number, {
        type: "add_note",
        body: "Vendor ticket 123",
        visibility: "internal",
      });
      const resolved = await applyIncidentAction(ctx, agent, incident.number, {
        type: "resolve",
        code: "fixed",
        note: "Replaced the concentrator",
      });
      expect(resolved.incident).toMatchObject({
        status: "resolved",
        priority: "P1",
        resolutionCode: "fixed",
      });
      const closed = await applyIncidentAction(ctx, agent, incident.number, { type: "close" });
      expect(closed.incident.status).toBe("closed");

      const timeline = await readTimeline(ctx.db, "incident", incident.id, { includeInternal: true });
      expect(timeline.map((e) => e.kind)).toEqual([
        "created",
        "acknowledged",
        "put_on_hold",
        "resumed",
        "priority_changed",
        "note_added",
        "resolved",
        "closed",
      ]);
      expect(timeline[4]).toMatchObject({
        before: { priority: "P2" },
        after: { priority: "P1" },
        body: "Whole sales floor affected",
        actor: { displayName: "Ada Agent" },
      });
      const publicOnly = await readTimeline(ctx.db, "incident", incident.id, { includeInternal: false });
      expect(publicOnly.map((e) => e.kind)).not.toContain("note_added");
    });

    it("THEN a closed incident refuses further changes with a message that says why", async () => {
      const { ctx, agent, reporter } = world;
      const incident = await createIncident(ctx, reporter, { title: "Printer jam" });
      await applyIncidentAction(ctx, agent, incident.number, {
        type: "resolve",
        code: "fixed",
        note: "Cleared",
      });
      await applyIncidentAction(ctx, agent, incident.number, { type: "close" });
      await expect(
        applyIncidentAction(ctx, agent, incident.number, { type: "reopen", reason: "again" }),
      ).rejects.toMatchObject({
        code: "invalid_transition",
        userMessage: `${incident.ref} is closed, so you cannot reopen it. Closed incidents cannot change; raise a new incident instead.`,
      });
    });

    it("THEN a resolved incident can be reopened by its reporter and the resolution is cleared", async () => {
      const { ctx, agent, reporter } = world;
      const incident = await createIncident(ctx, reporter, { title: "Mail slow" });
      await applyIncidentAction(ctx, agent, incident.number, {
        type: "resolve",
        code: "workaround",
        note: "Restarted",
      });
      const reopened = await applyIncidentAction(ctx, reporter, incident.number, {
        type: "reopen",
        reason: "Slow again",
      });
      expect(reopened.incident).toMatchObject({
        status: "in_progress",
        resolutionCode: null,
        resolvedAt: null,
      });
    });
  });

  describe("WHEN people without the right try", () => {
    it("THEN a requester cannot acknowledge, nor resolve someone else's incident, but may resolve their own", async () => {
      const { ctx, reporter, bystander } = world;
      const incident = await createIncident(ctx, reporter, { title: "Laptop will not boot" });
      await expect(
        applyIncidentAction(ctx, bystander, incident.number, { type: "acknowledge" }),
      ).rejects.toMatchObject({
        code: "forbidden",
        userMessage: expect.stringContaining("Only agents can do that"),
      });
      await expect(
        applyIncidentAction(ctx, bystander, incident.number, {
          type: "resolve",
          code: "fixed",
          note: "works",
        }),
      ).rejects.toMatchObject({
        code: "forbidden",
        userMessage: `Only agents or the person who reported ${incident.ref} (Rita Reporter) can do that. Ask the service desk to help.`,
      });
      const own = await applyIncidentAction(ctx, reporter, incident.number, {
        type: "resolve",
        code: "resolved_by_caller",
        note: "It booted after a battery reset",
      });
      expect(own.incident.status).toBe("resolved");
    });

    it("THEN internal notes are refused to non-agents", async () => {
      const { ctx, reporter } = world;
      const incident = await createIncident(ctx, reporter, { title: "Wifi" });
      await expect(
        applyIncidentAction(ctx, reporter, incident.number, {
          type: "add_note",
          body: "secret",
          visibility: "internal",
        }),
      ).rejects.toMatchObject({
        code: "forbidden",
        userMessage: "Only agents can add internal notes. Add a public note instead.",
      });
    });

    it("THEN an incident cannot be assigned to someone who is not an agent", async () => {
      const { ctx, agent, reporter, bystander } = world;
      const incident = await createIncident(ctx, reporter, { title: "Badge reader" });
      await expect(
        applyIncidentAction(ctx, agent, incident.number, { type: "assign", assigneeId: bystander.person.id }),
      ).rejects.toMatchObject({
        code: "validation_failed",
        userMessage: expect.stringContaining("Bea Bystander is not an agent"),
      });
      const assigned = await applyIncidentAction(ctx, agent, incident.number, {
        type: "assign",
        assigneeId: world.otherAgent.person.id,
        groupId: "service-desk",
      });
      expect(assigned.incident).toMatchObject({
        status: "in_progress",
        assignee: { displayName: "Otto Agent" },
        assignedGroup: { name: "Service desk" },
      });
    });
  });

  describe("WHEN two agents click the same button at the same moment", () => {
    it("THEN the change applies once and the other click is told it was already done", async () => {
      const { ctx, agent, otherAgent, reporter } = world;
      const incident = await createIncident(ctx, reporter, { title: "Double click" });
      const results = await Promise.allSettled([
        applyIncidentAction(ctx, agent, incident.number, { type: "acknowledge" }),
        applyIncidentAction(ctx, otherAgent, incident.number, { type: "acknowledge" }),
        applyIncidentAction(ctx, agent, incident.number, { type: "acknowledge" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const loser of results.filter((r) => r.status === "rejected")) {
        expect(loser.reason).toMatchObject({
          code: "already_done",
          userMessage: expect.stringContaining("was already acknowledged by"),
        });
      }
      const timeline = await readTimeline(ctx.db, "incident", incident.id, { includeInternal: true });
      expect(timeline.filter((e) => e.kind === "acknowledged")).toHaveLength(1);
    });
  });

  describe("WHEN someone lists incidents", () => {
    it("THEN mine holds the open incidents I reported or work on, most urgent first", async () => {
      const { ctx, bystander } = world;
      await createIncident(ctx, bystander, { title: "Low thing", impact: "low", urgency: "low" });
      await createIncident(ctx, bystander, {
        title: "Big thing",
        impact: "high",
        urgency: "high",
        serviceId: "payments",
      });
      const mine = await listIncidents(ctx.db, bystander, { scope: "mine" });
      expect(mine.incidents.map((i) => i.title)).toEqual(["Big thing", "Low thing"]);
      const byService = await listIncidents(ctx.db, bystander, { scope: "open", serviceId: "payments" });
      expect(byService.incidents.every((i) => i.service?.id === "payments")).toBe(true);
      expect(byService.total).toBeGreaterThanOrEqual(1);
    });
  });

  describe("WHEN the incident number does not exist", () => {
    it("THEN the person is told how to find the right one", async () => {
      await expect(
        applyIncidentAction(world.ctx, world.agent, 99_999, { type: "acknowledge" }),
      ).rejects.toMatchObject({
        code: "not_found",
        userMessage: "There is no INC-99999. Check the number with /incident list.",
      });
    });
  });
});
