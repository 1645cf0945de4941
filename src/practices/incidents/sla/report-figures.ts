import type { StopReason } from "../../../kernel/sla/clock/state.js";
import type { SlaClockKind } from "../../../kernel/sla/policy.js";
import type { Priority } from "../model.js";
import { priorities } from "../model.js";

/** What the report needs of one incident and its clocks (every cycle). */
export interface ReportIncident {
  readonly ref: string;
  readonly priority: Priority;
  readonly createdAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly clocks: ReadonlyArray<{
    readonly kind: SlaClockKind;
    /** Including a running clock already past its due instant. */
    readonly breached: boolean;
    readonly stopReason: StopReason | null;
  }>;
}

export interface Compliance {
  readonly met: number;
  readonly breached: number;
}

export interface PriorityReport {
  readonly priority: Priority;
  readonly incidents: number;
  readonly response: Compliance;
  readonly resolution: Compliance;
}

export interface SlaReport {
  readonly incidents: number;
  readonly byPriority: readonly PriorityReport[];
  /** Refs of incidents with at least one breached clock, most recent first. */
  readonly breachedRefs: readonly string[];
  /** Mean time to acknowledge / resolve in ms over the incidents that were; null when none were. */
  readonly mttaMs: number | null;
  readonly mttrMs: number | null;
}

/**
 * SLA compliance the ITIL way: a clock counts as met when it stopped in time (acknowledged, answered,
 * resolved), as breached when it ran past due, whatever happened after. Clocks still running in time, and
 * clocks cancelled or replaced in time, are not judged yet.
 */
export function buildSlaReport(incidents: readonly ReportIncident[]): SlaReport {
  const byPriority = priorities.map((priority) => {
    const mine = incidents.filter((incident) => incident.priority === priority);
    return {
      priority,
      incidents: mine.length,
      response: compliance(mine, "response"),
      resolution: compliance(mine, "resolution"),
    };
  });
  const breachedRefs = [...incidents]
    .filter((incident) => incident.clocks.some((clock) => clock.breached))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((incident) => incident.ref);
  return {
    incidents: incidents.length,
    byPriority,
    breachedRefs,
    mttaMs: mean(incidents.map((incident) => since(incident.createdAt, incident.acknowledgedAt))),
    mttrMs: mean(incidents.map((incident) => since(incident.createdAt, incident.resolvedAt))),
  };
}

const judgedMet: ReadonlySet<StopReason> = new Set(["acknowledged", "responded", "resolved"]);

function compliance(incidents: readonly ReportIncident[], kind: SlaClockKind): Compliance {
  let met = 0;
  let breached = 0;
  for (const incident of incidents) {
    for (const clock of incident.clocks) {
      if (clock.kind !== kind) continue;
      if (clock.breached) breached++;
      else if (clock.stopReason !== null && judgedMet.has(clock.stopReason)) met++;
    }
  }
  return { met, breached };
}

function since(from: Date, to: Date | null): number | null {
  return to === null ? null : to.getTime() - from.getTime();
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.round(known.reduce((sum, value) => sum + value, 0) / known.length);
}
