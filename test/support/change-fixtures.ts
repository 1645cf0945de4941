// A CAB, an emergency CAB, requesters and services with a dependency, stored in a real database, and the
// change context the services run with. Dates are Europe/Berlin wall-clock times.
import type { ChangeSettings } from "../../src/config/change-settings.js";
import { defaultChangeSettings } from "../../src/config/change-settings.js";
import type { Db } from "../../src/db/client.js";
import { ManualClock } from "../../src/kernel/clock.js";
import type { Actor } from "../../src/kernel/people/actor.js";
import { actorForPerson } from "../../src/kernel/people/resolve-actor.js";
import type { ChangeContext } from "../../src/practices/changes/context.js";

export const deskTimezone = "Europe/Berlin";

export interface ChangeWorld {
  ctx: ChangeContext;
  clock: ManualClock;
  requester: Actor;
  implementer: Actor;
  /** Members of the CAB, in id order; `cab[0]` also sits on the emergency CAB. */
  cab: Actor[];
  emergencyOnly: Actor;
  stranger: Actor;
}

export interface ChangeWorldOptions {
  cabSize?: number;
  settings?: Partial<ChangeSettings>;
}

/** Seeds the people and groups under ids unique to `suffix`, so suites can share one database. */
export async function seedChangeWorld(
  db: Db,
  suffix: string,
  options: ChangeWorldOptions = {},
): Promise<ChangeWorld> {
  const cabSize = options.cabSize ?? 3;
  const id = (name: string) => `${name}-${suffix}`;
  const cabIds = Array.from({ length: cabSize }, (_, index) => id(`cab${String(index).padStart(2, "0")}`));
  await db.$transaction(async (tx) => {
    for (const [serviceId, name] of [
      ["payments", "Payments API"],
      ["identity", "Identity"],
      ["reporting", "Reporting"],
    ] as const) {
      await tx.service.upsert({
        where: { id: serviceId },
        create: { id: serviceId, name, tier: 2 },
        update: {},
      });
    }
    const people = [
      [id("req"), "Rhea Requester"],
      [id("impl"), "Ivan Implementer"],
      [id("ecab"), "Emma Emergency"],
      [id("stranger"), "Sam Stranger"],
      ...cabIds.map((cabId, index) => [cabId, `CAB member ${index}`] as const),
    ] as const;
    for (const [personId, displayName] of people)
      await tx.person.create({ data: { id: personId, displayName } });
    await tx.group.create({
      data: {
        id: id("desk"),
        name: "Service desk",
        roles: { create: [{ role: "agent" }] },
        members: { create: [{ personId: id("req") }, { personId: id("impl") }] },
      },
    });
    await tx.group.create({
      data: {
        id: id("cab"),
        name: "Change advisory board",
        roles: { create: [{ role: "cab" }] },
        members: { create: cabIds.map((personId) => ({ personId })) },
      },
    });
    await tx.group.create({
      data: {
        id: id("ecab"),
        name: "Emergency CAB",
        members: { create: [{ personId: id("ecab") }, ...(cabIds[0] ? [{ personId: cabIds[0] }] : [])] },
      },
    });
  });
  const load = async (personId: string) => {
    const actor = await actorForPerson(db, personId);
    if (!actor) throw new Error(`missing ${personId}`);
    return actor;
  };
  const clock = new ManualClock("2026-11-02T09:00:00Z");
  const settings: ChangeSettings = {
    ...defaultChangeSettings(),
    normal: { approvers: id("cab"), quorum: { kind: "count", value: 2 } },
    emergency: { approvers: id("ecab"), quorum: { kind: "count", value: 1 } },
    templates: [
      {
        id: "cert-rotation",
        title: "Rotate TLS certificates",
        description: "",
        services: ["payments"],
        risk: "low",
        impact: "low",
        durationMinutes: 30,
        implementationPlan: "Run the rotation playbook",
        backoutPlan: "Restore the previous certificate",
        testPlan: "curl the health endpoint",
      },
    ],
    blackouts: [
      {
        name: "Year-end freeze",
        start: new Date("2026-12-20T00:00:00+01:00"),
        end: new Date("2027-01-04T00:00:00+01:00"),
      },
    ],
    maintenanceWindows: {
      reporting: {
        timezone: deskTimezone,
        hours: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
        holidays: [],
      },
    },
    ...options.settings,
  };
  return {
    ctx: {
      db,
      clock,
      settings,
      timezone: deskTimezone,
      dependencies: { payments: ["identity"], identity: [], reporting: [] },
    },
    clock,
    requester: await load(id("req")),
    implementer: await load(id("impl")),
    cab: await Promise.all(cabIds.map(load)),
    emergencyOnly: await load(id("ecab")),
    stranger: await load(id("stranger")),
  };
}
