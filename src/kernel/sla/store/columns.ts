import type { BusinessCalendar } from "../business-calendar.js";
import {
  dueAt as dueOf,
  elapsedAt,
  nextAlertAt,
  type SlaClockState,
  type StopReason,
} from "../clock/index.js";
import type { SlaClockKind } from "../policy.js";

/**
 * The columns every stored SLA clock has, whatever it measures (an incident's SlaClock, a request's
 * RequestSlaClock): what the clock model needs to rebuild its state, and what the sweep claims it by.
 */
export interface StoredClock {
  id: number;
  kind: string;
  cycle: number;
  targetSeconds: number;
  calendarId: string;
  thresholds: string;
  policy: string;
  startedAt: Date;
  pauses: string;
  stoppedAt: Date | null;
  stopReason: string | null;
  breached: boolean;
  fired: string;
  version: number;
}

// Columns hold only what stateColumns wrote, so the parses and casts below restore its types.
export function toState(row: StoredClock): SlaClockState {
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

/** The state columns of a clock, as every table stores them. */
export type StateColumns = ReturnType<typeof stateColumns>;

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
  };
}
