import type { Prisma } from "../../../db/client.js";
import type { Priority } from "../../../kernel/priority.js";
import type { BusinessCalendar } from "../../../kernel/sla/business-calendar.js";
import type { SlaClockState } from "../../../kernel/sla/clock/index.js";
import type { ClockRule, SlaClockKind, SlaPolicy } from "../../../kernel/sla/policy.js";
import { type StoredClock, stateColumns } from "../../../kernel/sla/store/index.js";

/** A stored SlaClock row (the columns the SLA code reads). */
export interface SlaClockRow extends StoredClock {
  incidentId: number;
  priority: string;
  accruedSeconds: number;
  dueAt: Date | null;
  nextAlertAt: Date | null;
}

/** What the row keeps of the policy it started under, so a later config change never rewrites history. */
export interface PolicySnapshot {
  readonly targetText: string;
  readonly pauseOn: SlaPolicy["pauseOn"];
  readonly priorityChange: SlaPolicy["priorityChange"];
  readonly reopen: SlaPolicy["reopen"];
  readonly escalation: SlaPolicy["escalation"];
  readonly service: string | null;
  /**
   * The rule that made the clock what it is (started, restarted, recomputed, new cycle, cumulative), kept in
   * this JSON column rather than a column of its own: it is read only by /sla show, and rows written before
   * it existed simply lack it.
   */
  readonly rule?: ClockRule;
}

export function policySnapshot(policy: SlaPolicy, kind: SlaClockKind, rule: ClockRule): PolicySnapshot {
  return {
    rule,
    targetText: policy[kind].text,
    pauseOn: policy.pauseOn,
    priorityChange: policy.priorityChange,
    reopen: policy.reopen,
    escalation: policy.escalation,
    service: policy.service ?? null,
  };
}

export function readPolicySnapshot(row: Pick<SlaClockRow, "policy">): PolicySnapshot {
  return JSON.parse(row.policy) as PolicySnapshot;
}

export function createColumns(input: {
  incidentId: number;
  priority: Priority;
  calendarId: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  rule: ClockRule;
  state: SlaClockState;
  now: number;
}) {
  return {
    incidentId: input.incidentId,
    kind: input.state.kind,
    cycle: input.state.cycle,
    priority: input.priority,
    calendarId: input.calendarId,
    policy: JSON.stringify(policySnapshot(input.policy, input.state.kind, input.rule)),
    startedAt: new Date(input.state.startedAt),
    ...stateColumns(input.calendar, input.state, input.now),
  } satisfies Prisma.SlaClockUncheckedCreateInput;
}
