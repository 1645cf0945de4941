import type { BusinessCalendar } from "./business-calendar.js";
import { assertBusinessDuration } from "./instants.js";
import { addBusinessTimeExcluding, type SlaPause } from "./pauses.js";

/** Warn at half, three quarters and 90% of the target unless the SLA policy says otherwise. */
export const defaultWarningThresholds: readonly number[] = [0.5, 0.75, 0.9];

export interface ThresholdInstant {
  /** The fraction of the target, as given. */
  readonly threshold: number;
  /** When that fraction of the target has elapsed; null while an open pause stops the clock first. */
  readonly at: Date | null;
}

/**
 * When each warning threshold is reached: addBusinessTime(start, threshold × target) with pauses excluded.
 * threshold × target is rounded to the nearest ms so instants stay integral. Thresholds must lie in (0, 1]:
 * warnings come before the breach, and 1 is the breach itself.
 */
export function warningInstants(
  calendar: BusinessCalendar,
  start: Date,
  targetMs: number,
  options: { thresholds?: readonly number[]; pauses?: readonly SlaPause[] } = {},
): ThresholdInstant[] {
  assertBusinessDuration(targetMs, "SLA target");
  const thresholds = options.thresholds ?? defaultWarningThresholds;
  const pauses = options.pauses ?? [];
  return thresholds.map((threshold) => {
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
      throw new RangeError(`warning threshold ${threshold} must be a fraction in (0, 1]`);
    }
    const at = addBusinessTimeExcluding(calendar, start, Math.round(threshold * targetMs), pauses);
    return { threshold, at };
  });
}
