import type { SlaClockKind } from "../policy.js";

/** Why a clock stopped. `superseded`: a priority change under `restart` replaced it with a new cycle. */
export const stopReasons = ["acknowledged", "responded", "resolved", "cancelled", "superseded"] as const;
export type StopReason = (typeof stopReasons)[number];

/** The breach is recorded as the 100 % alert; warnings are the policy's thresholds below it. */
export const BREACH_PERCENT = 100;

/** A paused stretch in epoch ms; `to: null` while still paused. */
export interface ClockPause {
  readonly from: number;
  readonly to: number | null;
}

/**
 * One SLA clock, as plain data (instants in epoch ms). Everything else (elapsed, due, the next alert) is
 * derived from this and the clock's calendar, so the state never disagrees with itself.
 */
export interface SlaClockState {
  readonly kind: SlaClockKind;
  /** 1 for the first; a reopen (newCycle) or a priority change (restart) starts the next. */
  readonly cycle: number;
  /** Business milliseconds. */
  readonly targetMs: number;
  /** Warning thresholds in percent, ascending, each below 100. */
  readonly thresholds: readonly number[];
  readonly startedAt: number;
  readonly pauses: readonly ClockPause[];
  readonly stoppedAt: number | null;
  readonly stopReason: StopReason | null;
  /** Never clears once set. */
  readonly breached: boolean;
  /** Percents already alerted (100 = the breach); each fires once per clock. */
  readonly fired: readonly number[];
}

export function isPaused(state: SlaClockState): boolean {
  return state.pauses.some((pause) => pause.to === null);
}

export function isStopped(state: SlaClockState): boolean {
  return state.stoppedAt !== null;
}

export type ClockStatus = "running" | "paused" | "stopped";

export function clockStatus(state: SlaClockState): ClockStatus {
  if (isStopped(state)) return "stopped";
  return isPaused(state) ? "paused" : "running";
}
