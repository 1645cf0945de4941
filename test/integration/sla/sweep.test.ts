import { afterEach, beforeAll, expect, it } from "vitest";
import { applyIncidentAction } from "../../../src/practices/incidents/apply-incident-action.js";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import type { IncidentSnapshot } from "../../../src/practices/incidents/model.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type SlaWorld, seedSlaWorld } from "./support/sla-world.js";

describeEachDatabase("GIVEN an SLA sweep over due clocks", (db) => {
  let world: SlaWorld;
  beforeAll(async () => {
    world = await seedSlaWorld(db().handle.db);
  });
  const prisma = () => db().handle.db;
  // Each test's incidents are cancelled after it, so their clocks stop and later sweeps see only their own.
  let raisedHere: IncidentSnapshot[] = [];
  afterEach(async () => {
    for (const incident of raisedHere) {
      await applyIncidentAction(world.ctx, world.agent, incident.number, {
        type: "cancel",
        reason: "Test over",
      }).catch(() => undefined);
    }
    raisedHere = [];
  });
  /** Tuesday 3 Nov 2026 in Berlin (CET). */
  const at = (hhmm: string, day = "03") => new Date(`2026-11-${day}T${hhmm}:00+01:00`);

  async function raiseMany(
    count: number,
    start: Date,
    input: { serviceId?: string } = {},
  ): Promise<IncidentSnapshot[]> {
    world.clock.set(start);
    const raised: IncidentSnapshot[] = [];
    for (let i = 0; i < count; i++) {
      raised.push(await createIncident(world.ctx, world.reporter, { title: `Printer ${i}`, ...input }));
    }
    raisedHere.push(...raised);
    return raised;
  }
  const alertsOf = (incidents: IncidentSnapshot[]) =>
    prisma().slaAlert.findMany({
      where: { clock: { incidentId: { in: incidents.map((incident) => incident.id) } } },
      include: { clock: true },
      orderBy: [{ clockId: "asc" }, { threshold: "asc" }],
    });
  const outboxLike = (prefix: string) =>
    prisma().outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: prefix } },
      orderBy: { id: "asc" },
    });

  it("THEN a warning posts once to the service's SLA channel, updates the card's SLA line and tells the assignee privately", async () => {
    const [incident] = await raiseMany(1, at("09:00"), { serviceId: "payments" });
    if (!incident) throw new Error("not raised");
    world.clock.set(at("09:05"));
    await applyIncidentAction(world.ctx, world.agent, incident.number, { type: "assign_to_me" });
    // The assignment answered the caller; the 8h resolution clock is at 50 % at 13:00.
    world.clock.set(at("13:00"));
    const first = await world.sweep();
    expect(first.fired).toBe(1);
    const [alert] = await alertsOf([incident]);
    expect(alert).toMatchObject({ kind: "warning", threshold: 50, cycle: 1 });
    const clockId = alert?.clockId;
    const posts = await outboxLike(`sla:${clockId}:c1:50:console`);
    expect(posts.map((post) => [post.kind, post.channelId])).toEqual([
      ["post_alert", "#payments-sla"],
      ["update_card", "#incidents"],
      ["direct_message", world.agent.person.id],
    ]);
    const channelPost = JSON.parse(posts[0]?.payload ?? "{}");
    expect(channelPost.body.headline).toBe(
      `SLA warning: ${incident.ref} resolution is at 50 % of 8h, 4h left.`,
    );
    expect(channelPost.body.mentions).toEqual([]);
    expect(JSON.stringify(channelPost.body.card.actions)).toContain("incident.resolve");
    expect(posts[1]?.payload).toContain("Resolution: 4h left (50 %)");
    expect((await world.sweep()).fired).toBe(0);
  });

  it("THEN a breach mentions the assignee and the group lead, escalates to the escalation channel and the lead privately", async () => {
    const [incident] = await raiseMany(1, at("09:00", "04"), { serviceId: "payments" });
    if (!incident) throw new Error("not raised");
    await applyIncidentAction(world.ctx, world.agent, incident.number, { type: "assign_to_me" });
    world.clock.set(at("17:00", "04"));
    const result = await world.sweep();
    // Resolution 8h on business hours: 50, 75, 90 and the breach all reached by 17:00.
    expect(result.fired).toBe(4);
    const breach = (await alertsOf([incident])).find((alert) => alert.kind === "breach");
    expect(breach).toMatchObject({ threshold: 100, dueAt: at("17:00", "04") });
    const posts = await outboxLike(`sla:${breach?.clockId}:c1:100:console`);
    expect(posts.map((post) => [post.kind, post.channelId])).toEqual([
      ["post_alert", "#payments-sla"],
      ["post_alert", "#escalations"],
      ["update_card", "#incidents"],
      ["direct_message", world.agent.person.id],
      ["direct_message", world.otherAgent.person.id],
    ]);
    const body = JSON.parse(posts[0]?.payload ?? "{}").body;
    expect(body.mentions).toEqual([world.agent.person.id, world.otherAgent.person.id]);
    expect(body.headline).toBe(`SLA breached: ${incident.ref} resolution is due now (target 8h).`);
    expect(
      (await prisma().slaClock.findUniqueOrThrow({ where: { id: breach?.clockId ?? 0 } })).breached,
    ).toBe(true);
  });

  it("THEN an incident resolved late between two sweeps still gets its breach posted, once, and no stale warnings", async () => {
    const [incident] = await raiseMany(1, at("09:00", "10"), { serviceId: "payments" });
    if (!incident) throw new Error("not raised");
    await applyIncidentAction(world.ctx, world.agent, incident.number, { type: "assign_to_me" });
    // Resolution 8h on business hours is due at 17:00; it is resolved at 17:20, before any sweep ran.
    world.clock.set(at("17:20", "10"));
    await applyIncidentAction(world.ctx, world.agent, incident.number, {
      type: "resolve",
      code: "fixed",
      note: "Restarted the queue",
    });
    const result = await world.sweep();
    expect(result.fired).toBe(1);
    const alerts = await alertsOf([incident]);
    expect(alerts.map((alert) => [alert.kind, alert.threshold, alert.clock.kind])).toEqual([
      ["breach", 100, "resolution"],
    ]);
    const posts = await outboxLike(`sla:${alerts[0]?.clockId}:c1:100:console`);
    const headline = JSON.parse(posts[0]?.payload ?? "{}").body.headline;
    expect(headline).toContain(`SLA breached: ${incident.ref} resolution`);
    expect((await world.sweep()).fired).toBe(0);
  });

  it("THEN a sweep stopped part-way leaves the rest due: the next one fires what is missing and nothing twice", async () => {
    const incidents = await raiseMany(12, at("09:00", "05"));
    world.clock.set(at("11:00", "05"));
    // P3 response 4h: every response clock is at 50 % by 11:00.
    const partial = await world.sweep({ maxClocks: 5, batchSize: 2 });
    expect(partial.fired).toBe(5);
    const rest = await world.sweep();
    expect(rest.fired).toBe(7);
    const alerts = await alertsOf(incidents);
    expect(alerts).toHaveLength(12);
    expect(new Set(alerts.map((alert) => alert.clockId)).size).toBe(12);
    expect(alerts.every((alert) => alert.threshold === 50 && alert.clock.kind === "response")).toBe(true);
    expect((await world.sweep()).fired).toBe(0);
  });

  it("THEN two sweeps racing over the same clocks fire each alert exactly once", async () => {
    const incidents = await raiseMany(10, at("09:00", "06"));
    world.clock.set(at("12:00", "06"));
    const results = await Promise.all([world.sweep({ batchSize: 3 }), world.sweep({ batchSize: 4 })]);
    // 50 % and 75 % of the 4h response clock (11:00 and 12:00), per incident.
    expect(results[0].fired + results[1].fired).toBe(20);
    const alerts = await alertsOf(incidents);
    expect(alerts).toHaveLength(20);
    const keys = (await outboxLike("sla:")).map((post) => post.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("THEN a paused clock is not swept, and warnings passed before the pause still fire", async () => {
    const [incident] = await raiseMany(1, at("09:00", "09"));
    if (!incident) throw new Error("not raised");
    world.clock.set(at("11:30", "09"));
    await applyIncidentAction(world.ctx, world.agent, incident.number, {
      type: "hold",
      reason: "awaiting_vendor",
    });
    world.clock.set(at("16:00", "09"));
    const result = await world.sweep();
    expect(result.fired).toBe(1);
    const [alert] = await alertsOf([incident]);
    expect(alert).toMatchObject({ threshold: 50, dueAt: at("11:00", "09") });
    expect((await world.sweep()).fired).toBe(0);
  });

  it("THEN holds applied while a sweep runs are kept, and the sweep's alerts are not repeated", async () => {
    const incidents = await raiseMany(8, at("09:00", "10"));
    world.clock.set(at("11:30", "10"));
    const holds = incidents.map((incident) =>
      applyIncidentAction(world.ctx, world.agent, incident.number, {
        type: "hold",
        reason: "awaiting_caller",
      }),
    );
    const [swept] = await Promise.all([world.sweep({ batchSize: 2 }), ...holds]);
    // A clock whose row a hold changed under the sweep is left due for the next sweep, never lost.
    const rerun = await world.sweep();
    expect(swept.fired + rerun.fired).toBe(8);
    const clocks = await prisma().slaClock.findMany({
      where: { incidentId: { in: incidents.map((incident) => incident.id) }, kind: "response" },
    });
    expect(clocks.map((clock) => [clock.pausedSince?.toISOString(), clock.fired])).toEqual(
      clocks.map(() => [at("11:30", "10").toISOString(), "[50]"]),
    );
    expect(await alertsOf(incidents)).toHaveLength(8);
  });
});
