import type { Quorum } from "../kernel/approvals/rules.js";
import type { ChangeImpact, ChangeRisk } from "../kernel/assessment.js";
import type { CalendarDefinition } from "../kernel/sla/calendar-definition.js";

/** How many approvals decide: a fixed number, or a share of the approvers (rounded up). */
export type { Quorum } from "../kernel/approvals/rules.js";

/** Who approves one type of change. Without a group, everyone in a group with the `cab` role approves. */
export interface ApprovalRule {
  readonly approvers?: string;
  readonly quorum: Quorum;
}

/** A pre-approved, repeatable change (ITIL standard change). */
export interface StandardChangeTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly services: readonly string[];
  readonly risk: ChangeRisk;
  readonly impact: ChangeImpact;
  readonly durationMinutes: number;
  readonly implementationPlan: string;
  readonly backoutPlan: string;
  readonly testPlan: string;
}

/** A period in which no normal change may be authorized (e.g. the year-end freeze). */
export interface BlackoutWindow {
  readonly name: string;
  readonly start: Date;
  readonly end: Date;
}

export interface ChangeSettings {
  readonly normal: ApprovalRule;
  readonly emergency: ApprovalRule;
  readonly templates: readonly StandardChangeTemplate[];
  readonly blackouts: readonly BlackoutWindow[];
  /** Per service id: when changes to it may run, as weekly hours in the desk's time zone. */
  readonly maintenanceWindows: Readonly<Record<string, CalendarDefinition>>;
  /** Approvers are reminded once a change has waited this long for them… */
  readonly remindAfterMinutes: number;
  /** …and again at most once per this interval. */
  readonly reminderIntervalMinutes: number;
  /** "Starting soon" is posted this long before a window opens. */
  readonly startingSoonMinutes: number;
  /** Local time (desk time zone) of the daily CAB agenda, "HH:MM". */
  readonly agendaTime: string;
}

export function defaultChangeSettings(): ChangeSettings {
  return {
    normal: { quorum: { kind: "count", value: 1 } },
    emergency: { quorum: { kind: "count", value: 1 } },
    templates: [],
    blackouts: [],
    maintenanceWindows: {},
    remindAfterMinutes: 240,
    reminderIntervalMinutes: 240,
    startingSoonMinutes: 30,
    agendaTime: "09:00",
  };
}
