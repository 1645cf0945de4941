import type { BusinessCalendar } from "../business-calendar.js";
import type { SlaClockKind } from "../policy.js";
import { dueAt, pendingAlerts, unannouncedBreachAt } from "./schedule.js";
import { BREACH_PERCENT, isPaused, type SlaClockState, type StopReason } from "./state.js";

/**
 * The clock's transitions, pure: state and instant in, state out. Each is a no-op where it does not apply
 * (pausing a paused clock, resuming a running one, anything on a stopped clock but reopen), so the caller
 * can apply an incident's change to both clocks without special cases.
 */

export interface ClockTerms {
  readonly targetMs: number;
  /** Percents, ascending, each below 100. */
  readonly thresholds: readonly number[];
}

/** A new clock from `at`; already paused when the incident is on hold for a pausing reason at that moment. */
export function startClock(
  kind: SlaClockKind,
  cycle: number,
  terms: ClockTerms,
  at: number,
  paused = false,
): SlaClockState {
  return {
    kind,
    cycle,
    targetMs: terms.targetMs,
    thresholds: [...terms.thresholds],
    startedAt: at,
    pauses: paused ? [{ from: at, to: null }] : [],
    stoppedAt: null,
    stopReason: null,
    breached: false,
    fired: [],
  };
}

export function pauseClock(state: SlaClockState, at: number): SlaClockState {
  if (state.stoppedAt !== null || isPaused(state)) return state;
  return { ...state, pauses: [...state.pauses, { from: Math.max(at, state.startedAt), to: null }] };
}

/** Resuming extends the due time by exactly the business time that fell inside the pause. */
export function resumeClock(state: SlaClockState, at: number): SlaClockState {
  if (state.stoppedAt !== null || !isPaused(state)) return state;
  return { ...state, pauses: closePauses(state, at) };
}

function closePauses(state: SlaClockState, at: number): SlaClockState["pauses"] {
  return state.pauses.map((pause) =>
    pause.to === null ? { from: pause.from, to: Math.max(at, pause.from) } : pause,
  );
}

/** Stops the clock; stopped at or after its due instant means breached, for good. */
export function stopClock(
  calendar: BusinessCalendar,
  state: SlaClockState,
  at: number,
  reason: StopReason,
): SlaClockState {
  if (state.stoppedAt !== null) return state;
  const closed = { ...state, pauses: closePauses(state, at) };
  const due = dueAt(calendar, closed);
  return {
    ...closed,
    stoppedAt: at,
    stopReason: reason,
    breached: state.breached || (due !== null && at >= due),
  };
}

/**
 * Priority change, `recompute` mode: the new terms apply as if they had held from the start; elapsed time and
 * pauses carry over. Thresholds already passed stay due (the sweep fires them at once), alerts already
 * fired are not repeated, and a running clock already past its new due is breached at once.
 */
export function retargetClock(
  calendar: BusinessCalendar,
  state: SlaClockState,
  terms: ClockTerms,
  at: number,
): SlaClockState {
  if (state.stoppedAt !== null) return state;
  const next: SlaClockState = { ...state, targetMs: terms.targetMs, thresholds: [...terms.thresholds] };
  const due = dueAt(calendar, next);
  return { ...next, breached: next.breached || (due !== null && due <= at) };
}

/** Reopen, `cumulative` mode: the same clock runs on, and the time spent resolved counts as paused. */
export function reopenCumulative(state: SlaClockState, at: number): SlaClockState {
  if (state.stoppedAt === null) return state;
  return {
    ...state,
    pauses: [...state.pauses, { from: state.stoppedAt, to: Math.max(at, state.stoppedAt) }],
    stoppedAt: null,
    stopReason: null,
  };
}

/** An alert the sweep must send now. */
export interface DueAlert {
  readonly percent: number;
  /** When the threshold was reached (before `now` when the sweep runs late). */
  readonly reachedAt: number;
  readonly breach: boolean;
}

/**
 * What the sweep does with a clock at `now`: every unfired threshold reached by then (and the breach), in
 * order, marked as fired; reaching the due instant sets the breach flag. A stopped clock only owes a breach
 * no sweep announced before the stop (its warnings are moot by then).
 */
export function takeDueAlerts(
  calendar: BusinessCalendar,
  state: SlaClockState,
  now: number,
): { alerts: DueAlert[]; state: SlaClockState } {
  if (state.stoppedAt !== null) {
    const owed = unannouncedBreachAt(calendar, state);
    if (owed === null || owed > now) return { alerts: [], state };
    const breach = { percent: BREACH_PERCENT, reachedAt: owed, breach: true };
    return { alerts: [breach], state: { ...state, fired: [...state.fired, BREACH_PERCENT] } };
  }
  const alerts = pendingAlerts(calendar, state)
    .filter((alert): alert is { percent: number; at: number } => alert.at !== null && alert.at <= now)
    .map((alert) => ({
      percent: alert.percent,
      reachedAt: alert.at,
      breach: alert.percent === BREACH_PERCENT,
    }));
  if (alerts.length === 0) return { alerts, state };
  const fired = [...state.fired, ...alerts.map((alert) => alert.percent)].sort((a, b) => a - b);
  return {
    alerts,
    state: { ...state, fired, breached: state.breached || alerts.some((alert) => alert.breach) },
  };
}
