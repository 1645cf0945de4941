import { compileConfigCalendars } from "../../../config/compiled-calendars.js";
import type { OpsdeskConfig } from "../../../config/types.js";
import type { BusinessCalendar } from "../../../kernel/sla/business-calendar.js";
import {
  calendarFor,
  policyFor,
  type SlaClockKind,
  type SlaPolicy,
  type SlaSettings,
} from "../../../kernel/sla/policy.js";
import type { Priority } from "../model.js";

/**
 * The SLA configuration compiled once per process: policies, and every calendar ready for arithmetic
 * (compiled calendars cache their working windows, so sharing one instance is what makes due times cheap).
 */
export interface SlaRuntime {
  readonly settings: SlaSettings;
  /** The organisation's zone: times are written in it for people whose own zone is unknown. */
  readonly timezone: string;
  policy(priority: Priority, serviceId: string | null): SlaPolicy;
  /** The calendar id a clock of this kind runs on for this policy and service. */
  calendarIdFor(policy: SlaPolicy, kind: SlaClockKind, serviceId: string | null): string;
  /** A compiled calendar by id; an id no longer in the config (a snapshot from an older file) runs 24×7 in UTC. */
  calendar(id: string): BusinessCalendar;
}

export function createSlaRuntime(
  config: Pick<OpsdeskConfig, "timezone" | "calendars" | "services" | "sla">,
): SlaRuntime {
  const calendar = compileConfigCalendars(config);
  const serviceCalendars = new Map(
    config.services.flatMap((service) => (service.calendar ? [[service.id, service.calendar] as const] : [])),
  );
  return {
    settings: config.sla,
    timezone: config.timezone,
    policy: (priority, serviceId) => policyFor(config.sla, priority, serviceId),
    calendarIdFor: (policy, kind, serviceId) =>
      calendarFor(config.sla, policy, kind, serviceId === null ? undefined : serviceCalendars.get(serviceId)),
    calendar,
  };
}
