import type { BusinessCalendar } from "../business-calendar.js";
import { addBusinessTimeExcluding, businessElapsedExcluding, type SlaPause } from "../pauses.js";
import { BREACH_PERCENT, type SlaClockState } from "./state.js";

/** When each alert of a clock is reached; `at: null` while a pause stops the clock before it. */
export interface AlertInstant {
  readonly percent: number;
  readonly at: number | null;
}

function pausesOf(state: SlaClockState): SlaPause[] {
  return state.pauses.map((pause) => ({
    from: new Date(pause.from),
    to: pause.to === null ? null : new Date(pause.to),
  }));
}

/** Business time needed for `percent` of the target, rounded to whole ms so instants stay integral. */
function shareOf(state: SlaClockState, percent: number): number {
  return Math.round((percent / 100) * state.targetMs);
}

/** The instant business elapsed reaches `percent` of the target (pauses excluded), or null while paused first. */
export function instantOfPercent(
  calendar: BusinessCalendar,
  state: SlaClockState,
  percent: number,
): number | null {
  const at = addBusinessTimeExcluding(
    calendar,
    new Date(state.startedAt),
    shareOf(state, percent),
    pausesOf(state),
  );
  return at === null ? null : at.getTime();
}

/**
 * The due instant: when business elapsed reaches the target. A closing time stays that closing time (the
 * arithmetic's half-open windows). Null while a pause that began before it stops the clock.
 */
export function dueAt(calendar: BusinessCalendar, state: SlaClockState): number | null {
  return instantOfPercent(calendar, state, BREACH_PERCENT);
}

/** Business time accrued by `at` (or by the stop, if earlier), pauses excluded. */
export function elapsedAt(calendar: BusinessCalendar, state: SlaClockState, at: number): number {
  const end = state.stoppedAt === null ? at : Math.min(at, state.stoppedAt);
  return businessElapsedExcluding(calendar, new Date(state.startedAt), new Date(end), pausesOf(state));
}

/** The alerts not yet fired (warnings, then the breach), with when each is reached. */
export function pendingAlerts(calendar: BusinessCalendar, state: SlaClockState): AlertInstant[] {
  const percents = [...state.thresholds, BREACH_PERCENT].filter((percent) => !state.fired.includes(percent));
  return percents.map((percent) => ({ percent, at: instantOfPercent(calendar, state, percent) }));
}

/**
 * A clock answered or resolved at or after its due instant is breached; if no sweep announced the breach
 * before that (it came between two sweeps), the breach is still owed: its due instant. Null otherwise, and
 * for cancelled or superseded clocks (a cancelled ticket was a mistake; a new cycle took over).
 */
export function unannouncedBreachAt(calendar: BusinessCalendar, state: SlaClockState): number | null {
  if (state.stoppedAt === null || !state.breached || state.fired.includes(BREACH_PERCENT)) return null;
  if (state.stopReason === "cancelled" || state.stopReason === "superseded") return null;
  return dueAt(calendar, state);
}

/**
 * When the sweep must next look at this clock: the earliest unfired warning or the breach. For a stopped
 * clock only a breach still owed (see unannouncedBreachAt); null when paused before the next one (resuming
 * recomputes it).
 */
export function nextAlertAt(calendar: BusinessCalendar, state: SlaClockState): number | null {
  if (state.stoppedAt !== null) return unannouncedBreachAt(calendar, state);
  let next: number | null = null;
  for (const alert of pendingAlerts(calendar, state)) {
    if (alert.at !== null && (next === null || alert.at < next)) next = alert.at;
  }
  return next;
}
