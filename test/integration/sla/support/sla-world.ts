// Incidents with SLA clocks on a real database: the incident world of the lifecycle tests plus an
// opsdesk.yaml with a Berlin business calendar and SLA policies, and the hooks OpsDesk registers.
import { parseConfig } from "../../../../src/config/parse.js";
import type { OpsdeskConfig } from "../../../../src/config/types.js";
import type { Db } from "../../../../src/db/client.js";
import { incidentPostsHook } from "../../../../src/practices/incidents/posts.js";
import { slaClocksHook } from "../../../../src/practices/incidents/sla/clock-hook.js";
import { createSlaRuntime, type SlaRuntime } from "../../../../src/practices/incidents/sla/runtime.js";
import { runSlaSweep, type SlaSweepDeps } from "../../../../src/practices/incidents/sla/sweep.js";
import { type IncidentWorld, seedIncidentWorld } from "../../../support/incident-fixtures.js";

/** Ids follow seedIncidentWorld(db, "s"). */
export function slaConfigYaml(suffix = "s"): string {
  return `
timezone: Europe/Berlin
calendars:
  business:
    hours:
      mon: [["09:00", "17:00"]]
      tue: [["09:00", "17:00"]]
      wed: [["09:00", "17:00"]]
      thu: [["09:00", "17:00"]]
      fri: [["09:00", "17:00"]]
people:
  - { id: agent-${suffix}, name: Ada Agent }
  - { id: agent2-${suffix}, name: Otto Agent }
groups:
  - { id: service-desk, name: Service desk, roles: [agent], members: [agent-${suffix}, agent2-${suffix}], lead: agent2-${suffix} }
services:
  - { id: payments, name: Payments API, tier: 1, owner: service-desk, slaAlerts: { console: "#payments-sla" } }
channels:
  slaAlerts: { console: "#sla-alerts" }
sla:
  pauseOn: [awaiting_caller, awaiting_vendor]
  escalation: { groupLead: true, channel: { console: "#escalations" } }
  policies:
    - { priority: P3, service: payments, response: 4h, resolution: 8h, priorityChange: restart, reopen: cumulative }
`;
}

export interface SlaWorld extends IncidentWorld {
  config: OpsdeskConfig;
  runtime: SlaRuntime;
  sweep(overrides?: Partial<SlaSweepDeps>): ReturnType<typeof runSlaSweep>;
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };

export async function seedSlaWorld(db: Db, suffix = "s"): Promise<SlaWorld> {
  const world = await seedIncidentWorld(db, suffix);
  // Private notes reach people through their chat identities; here the console's.
  await db.$transaction(async (tx) => {
    for (const actor of [world.agent, world.otherAgent]) {
      await tx.identity.create({
        data: { platform: "console", externalId: actor.person.id, personId: actor.person.id },
      });
    }
  });
  const config = parseConfig(slaConfigYaml(suffix), "opsdesk.yaml");
  const runtime = createSlaRuntime(config);
  world.ctx.onChange = [
    slaClocksHook(runtime),
    incidentPostsHook({ config, platforms: ["console"], sla: runtime }),
  ];
  return {
    ...world,
    config,
    runtime,
    sweep: (overrides = {}) =>
      runSlaSweep({
        db,
        clock: world.clock,
        config,
        platforms: ["console"],
        runtime,
        log: silent,
        ...overrides,
      }),
  };
}
