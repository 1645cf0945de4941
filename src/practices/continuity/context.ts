import type { ContinuityPlan } from "../../config/continuity-schema.js";
import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";

export interface ContinuityContext {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  tickets: TicketDirectory;
  onCommitted?: () => void;
}

export function serviceName(config: OpsdeskConfig, serviceId: string): string {
  return config.services.find((service) => service.id === serviceId)?.name ?? serviceId;
}

/** The plan of a service, or a NotFoundError that says which services have one. */
export function planFor(config: OpsdeskConfig, serviceId: string): ContinuityPlan {
  const plan = config.continuity.plans.find((p) => p.serviceId === serviceId);
  if (plan) return plan;
  const withPlans = config.continuity.plans.map((p) => p.serviceId);
  throw new NotFoundError(
    `${serviceName(config, serviceId)} has no continuity plan. Plans are declared in opsdesk.yaml under continuity.plans` +
      (withPlans.length ? `; services with one: ${withPlans.join(", ")}.` : "; none is declared yet."),
  );
}
