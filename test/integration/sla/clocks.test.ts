import { beforeAll, expect, it } from "vitest";
import { applyIncidentAction } from "../../../src/practices/incidents/apply-incident-action.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import type { IncidentSnapshot } from "../../../src/practices/incidents/model.js";
import { incidentClockFigures } from "../../../src/practices/incidents/sla/read-clocks.js";
import { slaClocksCard } from "../../../src/practices/incidents/sla/views/clocks-and-report.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type SlaWorld, seedSlaWorld } from "./support/sla-world.js";

describeEachDatabase("GIVEN incidents with SLA clocks", (db) => {
  let world: SlaWorld;
  beforeAll(async () => {
    world = await seedSlaWorld(db().handle.db);
  });

  const clocksOf = (incident: IncidentSnapshot, kind?: string) =>
    db().handle.db.slaClock.findMany({
      where: { incidentId: incident.id, ...(kind ? { kind } : {}) },
      orderBy: [{ kind: "asc" }, { cycle: "asc" }],
    });
  const latest = async (incident: IncidentSnapshot, kind: string) => {
    const rows = await clocksOf(incident, kind);
    const row = rows.at(-1);
    if (!row) throw new Error(`no ${kind} clock`);
    return row;
  };
  /** Monday 2 Nov 2026 in Berlin (CET, UTC+1). */
  const monday = (hhmm: string) => new Date(`2026-11-02T${hhmm}:00+01:00`);
  const raise = async (
    at: Date,
    input: {
      impact?: "high" | "medium" | "low";
      urgency?: "high" | "medium" | "low";
      serviceId?: string;
    } = {},
  ) => {
    world.clock.set(at);
    return createIncident(world.ctx, world.reporter, {
      title: "Checkout fails",
      impact: "medium",
      urgency: "medium",
      ...input,
    });
  };
  const act = (
    incident: IncidentSnapshot,
    at: Date,
    command: Parameters<typeof applyIncidentAction>[3],
    who = world.agent,
  ) => {
    world.clock.set(at);
    return applyIncidentAction(world.ctx, who, incident.number, command);
  };

  /** What `/sla show` lists for the incident now: each clock's label and its line, as runSlaCommand builds it. */
  const slaShow = async (incident: IncidentSnapshot) => {
    const figures = await incidentClockFigures(
      db().handle.db,
      world.runtime,
      incident.id,
      world.clock.now().getTime(),
    );
    return slaClocksCard(incident, figures, "Europe/Berlin")
      .fields.filter((field) => !field.label.endsWith(" due"))
      .map((field) => `${field.label}: ${field.value}`);
  };

  it("THEN creating an incident starts both clocks on its policy's calendar, with due and first warning stored", async () => {
    const incident = await raise(monday("10:00"));
    const [resolution, response] = await clocksOf(incident);
    // P3 default: response 4h, resolution 24h, on the business calendar (09:00-17:00 Berlin).
    expect(response).toMatchObject({
      kind: "response",
      cycle: 1,
      priority: "P3",
      calendarId: "business",
      targetSeconds: 4 * 3600,
    });
    expect(response?.dueAt).toEqual(monday("14:00"));
    expect(response?.nextAlertAt).toEqual(monday("12:00"));
    // 24 business hours from Mon 10:00: Mon 7h, Tue 8h, Wed 8h, Thu 1h → Thu 10:00.
    expect(resolution?.dueAt).toEqual(new Date("2026-11-05T10:00:00+01:00"));
  });

  it("THEN the first acknowledgement stops the response clock, met, and the resolution clock runs on", async () => {
    const incident = await raise(monday("10:00"));
    await act(incident, monday("10:30"), { type: "acknowledge" });
    const response = await latest(incident, "response");
    expect(response).toMatchObject({ stopReason: "acknowledged", breached: false, nextAlertAt: null });
    expect(response.stoppedAt).toEqual(monday("10:30"));
    expect((await latest(incident, "resolution")).stoppedAt).toBeNull();
  });

  it("THEN only a public note by an agent answers: internal notes and the reporter's own notes do not", async () => {
    const incident = await raise(monday("10:00"));
    await act(incident, monday("10:10"), { type: "add_note", body: "Looking", visibility: "internal" });
    await act(
      incident,
      monday("10:20"),
      { type: "add_note", body: "Any news?", visibility: "public" },
      world.reporter,
    );
    expect((await latest(incident, "response")).stoppedAt).toBeNull();
    await act(incident, monday("10:30"), { type: "add_note", body: "We are on it", visibility: "public" });
    expect(await latest(incident, "response")).toMatchObject({
      stopReason: "responded",
      stoppedAt: monday("10:30"),
    });
  });

  it("THEN holding for a pausing reason pauses both clocks and resuming extends due by the paused business time", async () => {
    const incident = await raise(monday("10:00"));
    await act(incident, monday("11:00"), { type: "hold", reason: "awaiting_caller" });
    const paused = await latest(incident, "response");
    expect(paused).toMatchObject({ pausedSince: monday("11:00"), dueAt: null, nextAlertAt: null });
    await act(incident, monday("13:00"), { type: "resume" });
    const resumed = await latest(incident, "response");
    expect(resumed.pausedSince).toBeNull();
    expect(resumed.dueAt).toEqual(monday("16:00"));
  });

  it("THEN a hold reason the policy does not list leaves the clocks running", async () => {
    const incident = await raise(monday("10:00"));
    await act(incident, monday("11:00"), { type: "hold", reason: "awaiting_change" });
    const response = await latest(incident, "response");
    expect(response.pausedSince).toBeNull();
    expect(response.dueAt).toEqual(monday("14:00"));
  });

  it("THEN raising the priority recomputes from creation: new calendar, passed warnings due at once, breached when past the new due", async () => {
    const incident = await raise(monday("10:00"));
    const changedAt = monday("10:20");
    await act(incident, changedAt, {
      type: "change_priority",
      impact: "high",
      urgency: "high",
      reason: "All shops down",
    });
    const response = await latest(incident, "response");
    // P1 default: 15 minutes on 24x7; 20 minutes have passed.
    expect(response).toMatchObject({
      cycle: 1,
      priority: "P1",
      calendarId: "24x7",
      targetSeconds: 15 * 60,
      breached: true,
    });
    expect(response.dueAt).toEqual(monday("10:15"));
    expect(response.nextAlertAt?.getTime()).toBeLessThanOrEqual(changedAt.getTime());
    const resolution = await latest(incident, "resolution");
    expect(resolution).toMatchObject({ priority: "P1", breached: false });
    expect(resolution.dueAt).toEqual(monday("14:00"));
  });

  it("THEN lowering the priority moves due later without clearing anything already fired", async () => {
    const incident = await raise(monday("10:00"), { impact: "high", urgency: "high" });
    await act(incident, monday("10:05"), {
      type: "change_priority",
      impact: "low",
      urgency: "low",
      reason: "One user",
    });
    const response = await latest(incident, "response");
    // P5: 16h on business hours from Mon 10:00 → Wed 10:00.
    expect(response).toMatchObject({ priority: "P5", calendarId: "business", breached: false });
    expect(response.dueAt).toEqual(new Date("2026-11-04T10:00:00+01:00"));
  });

  it("THEN a priority change under a restart policy starts new clocks from the change and keeps the old ones on record", async () => {
    const incident = await raise(monday("10:00"), { serviceId: "payments", urgency: "low" });
    expect(incident.priority).toBe("P4");
    await act(incident, monday("11:00"), {
      type: "change_priority",
      impact: "medium",
      urgency: "medium",
      reason: "More users",
    });
    const responses = await clocksOf(incident, "response");
    expect(responses.map((row) => [row.cycle, row.priority, row.stopReason])).toEqual([
      [1, "P4", "superseded"],
      [2, "P3", null],
    ]);
    expect(responses[1]?.startedAt).toEqual(monday("11:00"));
    expect(responses[1]?.dueAt).toEqual(monday("15:00"));
  });

  it("THEN resolving stops both clocks; reopening starts a new resolution cycle from the reopen", async () => {
    const incident = await raise(monday("10:00"));
    await act(incident, monday("10:30"), { type: "acknowledge" });
    await act(incident, monday("12:00"), { type: "resolve", code: "fixed", note: "Restarted" });
    expect(await latest(incident, "resolution")).toMatchObject({ stopReason: "resolved", breached: false });
    await act(incident, monday("15:00"), { type: "reopen", reason: "Back again" });
    const cycles = await clocksOf(incident, "resolution");
    expect(cycles.map((row) => [row.cycle, row.stopReason])).toEqual([
      [1, "resolved"],
      [2, null],
    ]);
    expect(cycles[1]?.startedAt).toEqual(monday("15:00"));
    expect((await clocksOf(incident, "response")).length).toBe(1);
  });

  it("THEN under a cumulative reopen policy the same clock runs on and the time resolved counts as paused", async () => {
    const incident = await raise(monday("10:00"), { serviceId: "payments" });
    await act(incident, monday("11:00"), { type: "resolve", code: "fixed", note: "Restarted" });
    await act(incident, monday("14:00"), { type: "reopen", reason: "Back again" });
    const cycles = await clocksOf(incident, "resolution");
    expect(cycles).toHaveLength(1);
    // 8h target, 1h used before resolving, resolved 11:00-14:00 paused: 7h left from 14:00 → Tue 13:00.
    expect(cycles[0]).toMatchObject({ stoppedAt: null, stopReason: null });
    expect(cycles[0]?.dueAt).toEqual(new Date("2026-11-03T13:00:00+01:00"));
  });

  it("THEN a late resolve is breached for good, and the card posted for the change carries the SLA line", async () => {
    const incident = await raise(monday("10:00"), { impact: "high", urgency: "high" });
    await act(incident, monday("15:00"), { type: "resolve", code: "fixed", note: "Late" });
    const [resolution, response] = await clocksOf(incident);
    expect(resolution).toMatchObject({ breached: true, stopReason: "resolved" });
    expect(response).toMatchObject({ breached: true, stopReason: "resolved" });
    const card = await db().handle.db.outboxMessage.findFirst({
      where: { idempotencyKey: `incident:${incident.id}:v1:console:card` },
    });
    expect(card?.payload).toContain('"label":"SLA","value":"Response: breached · Resolution: breached"');
  });

  it("THEN the built-in P4 policy runs on the calendar named business: 8h from Friday 17:30 comes due Monday 17:00, not Friday 23:30", async () => {
    // The world declares calendars (business among them) and no P4 policy: the default names business.
    const incident = await raise(new Date("2026-11-06T17:30:00+01:00"), { urgency: "low" });
    expect(incident.priority).toBe("P4");
    const response = await latest(incident, "response");
    expect(response).toMatchObject({ calendarId: "business", targetSeconds: 8 * 3600 });
    expect(response.dueAt).toEqual(new Date("2026-11-09T17:00:00+01:00"));
  });

  it("THEN /sla show says a clock recomputed on a priority change, by the NEW priority's policy, with the new target", async () => {
    // On payments, P3's own policy says restart; P1 has no payments policy, so the general P1 (recompute) decides.
    const incident = await raise(monday("10:00"), { serviceId: "payments" });
    expect(incident.priority).toBe("P3");
    await act(incident, monday("10:05"), {
      type: "change_priority",
      impact: "high",
      urgency: "high",
      reason: "All shops down",
    });
    expect(await clocksOf(incident, "response")).toHaveLength(1);
    expect(await slaShow(incident)).toEqual([
      "Response: Target 15m on 24x7 · elapsed 5m (33 %) · 10m left · running: 10m left (33 %) · recomputed from creation on the change from P3 to P1 (P1 policy: priorityChange recompute)",
      "Resolution: Target 4h on 24x7 · elapsed 5m (2 %) · 3h 55m left · running: 3h 55m left (2 %) · recomputed from creation on the change from P3 to P1 (P1 policy: priorityChange recompute)",
    ]);
  });

  it("THEN /sla show says which clocks a restart policy replaced and started, and which started with the incident", async () => {
    const incident = await raise(monday("10:00"), { serviceId: "payments", urgency: "low" });
    await act(incident, monday("10:30"), { type: "acknowledge" });
    await act(incident, monday("11:00"), {
      type: "change_priority",
      impact: "medium",
      urgency: "medium",
      reason: "More users",
    });
    const shown = await slaShow(incident);
    // The response was already given: it is not asked for again, so it keeps the rule it started with.
    expect(shown[0]).toBe(
      "Response: Target 8h on business · elapsed 30m (6 %) · 7h 30m left · stopped: met · started with the incident",
    );
    expect(shown.slice(1)).toEqual([
      "Resolution (cycle 1): Target 40h on business · elapsed 1h (2 %) · 39h left · stopped: replaced by a new clock · started with the incident",
      "Resolution (cycle 2): Target 8h on business · elapsed 0m (0 %) · 8h left · running: 8h left (0 %) · restarted on the change from P4 to P3 (P3 for payments policy: priorityChange restart)",
    ]);
  });

  it("THEN /sla show says a reopen started a new cycle, or ran the clock on cumulatively, by the current policy", async () => {
    const general = await raise(monday("10:00"));
    await act(general, monday("11:00"), { type: "resolve", code: "fixed", note: "Restarted" });
    await act(general, monday("14:00"), { type: "reopen", reason: "Back again" });
    expect((await slaShow(general)).at(-1)).toBe(
      "Resolution (cycle 2): Target 24h on business · elapsed 0m (0 %) · 24h left · running: 24h left (0 %) · new cycle from the reopen (P3 policy: reopen newCycle)",
    );
    const payments = await raise(monday("10:00"), { serviceId: "payments" });
    await act(payments, monday("11:00"), { type: "resolve", code: "fixed", note: "Restarted" });
    await act(payments, monday("14:00"), { type: "reopen", reason: "Back again" });
    expect((await slaShow(payments)).at(-1)).toBe(
      "Resolution: Target 8h on business · elapsed 1h (12 %) · 7h left · running: 7h left (12 %) · cumulative: runs on after the reopen, the time resolved counted as paused (P3 for payments policy: reopen cumulative)",
    );
  });
});
