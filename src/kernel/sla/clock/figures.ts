import type { BusinessCalendar } from "../business-calendar.js";
import { type ClockRule, type SlaClockKind, slaClockKinds } from "../policy.js";
import { dueAt, elapsedAt } from "./schedule.js";
import { type ClockStatus, clockStatus, type SlaClockState, type StopReason } from "./state.js";

/** A clock as people read it at one instant: what `/sla show`, the card's SLA line and alerts display. */
export interface SlaClockFigures {
  readonly kind: SlaClockKind;
  readonly cycle: number;
  readonly status: ClockStatus;
  readonly stopReason: StopReason | null;
  readonly targetMs: number;
  /** As written in the policy, e.g. "4h". */
  readonly targetText: string;
  readonly calendarId: string;
  readonly elapsedMs: number;
  /** Negative once overdue. */
  readonly remainingMs: number;
  /** Whole percent of the target used (may exceed 100). */
  readonly percent: number;
  /** Null while paused before the due instant. */
  readonly dueAt: Date | null;
  readonly breached: boolean;
  /** How the clock came to be what it is; absent for clocks recorded before OpsDesk kept it. */
  readonly rule?: ClockRule;
}

export function clockFigures(
  calendar: BusinessCalendar,
  state: SlaClockState,
  now: number,
  labels: { targetText: string; calendarId: string; rule?: ClockRule | undefined },
): SlaClockFigures {
  const elapsedMs = elapsedAt(calendar, state, now);
  const due = dueAt(calendar, state);
  return {
    kind: state.kind,
    cycle: state.cycle,
    status: clockStatus(state),
    stopReason: state.stopReason,
    targetMs: state.targetMs,
    targetText: labels.targetText,
    calendarId: labels.calendarId,
    elapsedMs,
    remainingMs: state.targetMs - elapsedMs,
    percent: state.targetMs === 0 ? 100 : Math.floor((elapsedMs / state.targetMs) * 100),
    dueAt: due === null ? null : new Date(due),
    // A running clock past its due instant is breached even before the sweep has said so.
    breached: state.breached || (state.stoppedAt === null && due !== null && due <= now),
    ...(labels.rule === undefined ? {} : { rule: labels.rule }),
  };
}

/** The current cycle of each clock, response first: what a card's SLA line shows. */
export function currentClocks(figures: readonly SlaClockFigures[]): SlaClockFigures[] {
  const latest = new Map<string, SlaClockFigures>();
  for (const clock of figures) {
    const seen = latest.get(clock.kind);
    if (seen === undefined || seen.cycle < clock.cycle) latest.set(clock.kind, clock);
  }
  return slaClockKinds.flatMap((kind) => {
    const clock = latest.get(kind);
    return clock === undefined ? [] : [clock];
  });
}
