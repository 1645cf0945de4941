import type { Prisma } from "../../../db/client.js";
import type { Priority } from "../../../kernel/priority.js";
import type { BusinessCalendar } from "../../../kernel/sla/business-calendar.js";
import {
  dueAt as dueOf,
  elapsedAt,
  nextAlertAt,
  type SlaClockState,
  type StopReason,
} from "../../../kernel/sla/clock/index.js";
import type { ClockRule, SlaClockKind, SlaPolicy } from "../../../kernel/sla/policy.js";

/** A stored SlaClock row (the columns the SLA code reads). */
export interface SlaClockRow {
  id: number;
  incidentId: number;
  kind: string;
  cycle: number;
  priority: string;
  targetSeconds: number;
  calendarId: string;
  thresholds: string;
  policy: string;
  startedAt: Date;
  pauses: string;
  stoppedAt: Date | null;
  stopReason: string | null;
  accruedSeconds: number;
  breached: boolean;
  fired: string;
  dueAt: Date | null;
  nextAlertAt: Date | null;
  version: number;
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

// Columns hold only what toColumns wrote, so the parses and casts below restore its types.
export function toState(row: SlaClockRow): SlaClockState {
  const pauses = JSON.parse(row.pauses) as Array<{ from: string; to: string | null }>;
  return {
    kind: row.kind as SlaClockKind,
    cycle: row.cycle,
    targetMs: row.targetSeconds * 1000,
    thresholds: JSON.parse(row.thresholds) as number[],
    startedAt: row.startedAt.getTime(),
    pauses: pauses.map((pause) => ({
      from: Date.parse(pause.from),
      to: pause.to === null ? null : Date.parse(pause.to),
    })),
    stoppedAt: row.stoppedAt?.getTime() ?? null,
    stopReason: row.stopReason as StopReason | null,
    breached: row.breached,
    fired: JSON.parse(row.fired) as number[],
  };
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/**
 * The state columns of a clock with its derived instants recomputed: dueAt and nextAlertAt are what the
 * sweep's index reads, so every write of a state goes through here.
 */
export function stateColumns(calendar: BusinessCalendar, state: SlaClockState, now: number) {
  const open = state.pauses.find((pause) => pause.to === null);
  return {
    targetSeconds: Math.round(state.targetMs / 1000),
    thresholds: JSON.stringify(state.thresholds),
    pauses: JSON.stringify(
      state.pauses.map((pause) => ({
        from: new Date(pause.from).toISOString(),
        to: pause.to === null ? null : new Date(pause.to).toISOString(),
      })),
    ),
    pausedSince: toDate(open?.from ?? null),
    stoppedAt: toDate(state.stoppedAt),
    stopReason: state.stopReason,
    accruedSeconds: Math.floor(elapsedAt(calendar, state, now) / 1000),
    breached: state.breached,
    fired: JSON.stringify(state.fired),
    dueAt: toDate(dueOf(calendar, state)),
    nextAlertAt: toDate(nextAlertAt(calendar, state)),
    updatedAt: new Date(now),
  } satisfies Prisma.SlaClockUpdateInput;
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
