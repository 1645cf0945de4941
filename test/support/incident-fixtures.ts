// People with the roles the incident rules care about, stored in a real database.

import type { Db } from "../../src/db/client.js";
import { ManualClock } from "../../src/kernel/clock.js";
import type { Actor } from "../../src/kernel/people/actor.js";
import { actorForPerson } from "../../src/kernel/people/resolve-actor.js";
import { itilPriorityMatrix } from "../../src/kernel/priority.js";
import type { IncidentContext } from "../../src/practices/incidents/context.js";

export interface IncidentWorld {
  ctx: IncidentContext;
  clock: ManualClock;
  agent: Actor;
  otherAgent: Actor;
  reporter: Actor;
  bystander: Actor;
}

export async function seedIncidentWorld(db: Db, suffix: string): Promise<IncidentWorld> {
  const ids = {
    agent: `agent-${suffix}`,
    otherAgent: `agent2-${suffix}`,
    reporter: `reporter-${suffix}`,
    bystander: `bystander-${suffix}`,
  };
  await db.$transaction(async (tx) => {
    await tx.group.upsert({
      where: { id: "service-desk" },
      create: { id: "service-desk", name: "Service desk", roles: { create: [{ role: "agent" }] } },
      update: {},
    });
    await tx.service.upsert({
      where: { id: "payments" },
      create: { id: "payments", name: "Payments API", tier: 1 },
      update: {},
    });
    const names: Record<keyof typeof ids, string> = {
      agent: "Ada Agent",
      otherAgent: "Otto Agent",
      reporter: "Rita Reporter",
      bystander: "Bea Bystander",
    };
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      await tx.person.create({ data: { id: ids[key], displayName: names[key] } });
    }
    await tx.groupMember.createMany({
      data: [
        { groupId: "service-desk", personId: ids.agent },
        { groupId: "service-desk", personId: ids.otherAgent },
      ],
    });
  });
  const load = async (id: string) => {
    const actor = await actorForPerson(db, id);
    if (!actor) throw new Error(`missing ${id}`);
    return actor;
  };
  const clock = new ManualClock("2026-11-02T09:00:00Z");
  return {
    ctx: { db, clock, priorityMatrix: itilPriorityMatrix },
    clock,
    agent: await load(ids.agent),
    otherAgent: await load(ids.otherAgent),
    reporter: await load(ids.reporter),
    bystander: await load(ids.bystander),
  };
}
