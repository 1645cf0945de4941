import { beforeAll, expect, it } from "vitest";
import { createIncident } from "../../../src/practices/incidents/create-incident.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type IncidentWorld, seedIncidentWorld } from "../../support/incident-fixtures.js";

describeEachDatabase("GIVEN 50 people raising incidents at the same moment", (db) => {
  let world: IncidentWorld;
  beforeAll(async () => {
    world = await seedIncidentWorld(db().handle.db, "n");
  });

  it("THEN they get INC-1 … INC-50, each exactly once, with no gap", async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createIncident(world.ctx, i % 2 ? world.reporter : world.agent, {
          title: `Outage ${i}`,
          impact: "high",
        }),
      ),
    );
    const numbers = created.map((incident) => incident.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(created.map((i) => i.ref)).size).toBe(50);
    expect(await db().handle.db.incident.count()).toBe(50);
    expect(await db().handle.db.timelineEntry.count({ where: { kind: "created" } })).toBe(50);
  });

  it("THEN a create that fails validation takes no number", async () => {
    await expect(createIncident(world.ctx, world.agent, { title: "x", serviceId: "nope" })).rejects.toThrow(
      /There is no service "nope"/,
    );
    const next = await createIncident(world.ctx, world.agent, { title: "After the failure" });
    expect(next.ref).toBe("INC-51");
  });
});
