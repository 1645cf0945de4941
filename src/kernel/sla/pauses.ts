import type { BusinessCalendar } from "./business-calendar.js";
import { dueAfter, elapsedBetween } from "./business-time.js";
import { assertBusinessDuration, instantOf } from "./instants.js";

/** A stretch during which an SLA clock is stopped (e.g. on hold awaiting the caller). `to: null` = still paused. */
export interface SlaPause {
  readonly from: Date;
  readonly to: Date | null;
}

/** Pauses as disjoint, sorted [from, to) ranges in epoch ms; an open pause ends at +Infinity. */
function normalizePauses(pauses: readonly SlaPause[]): Array<[number, number]> {
  const ranges = pauses.map((pause): [number, number] => {
    const from = instantOf(pause.from, "pause start");
    const to = pause.to === null ? Number.POSITIVE_INFINITY : instantOf(pause.to, "pause end");
    if (to < from) {
      throw new RangeError(
        `pause ends (${pause.to?.toISOString()}) before it starts (${pause.from.toISOString()})`,
      );
    }
    return [from, to];
  });
  ranges.sort((left, right) => left[0] - right[0]);
  // Overlapping pauses (two hold reasons at once) must stop the clock once, not subtract the time twice.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** Business time between `from` and `to` with every paused stretch removed. */
export function businessElapsedExcluding(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: readonly SlaPause[],
): number {
  const start = instantOf(from, "from");
  const end = instantOf(to, "to");
  let elapsed = elapsedBetween(calendar, start, end);
  for (const [pauseFrom, pauseTo] of normalizePauses(pauses)) {
    elapsed -= elapsedBetween(calendar, Math.max(pauseFrom, start), Math.min(pauseTo, end));
  }
  return elapsed;
}

/**
 * The due instant when paused stretches do not count: due is extended by exactly the business time that
 * fell inside pauses before the target was reached. Returns null when an open pause (to: null) starts
 * before the target is reached, because a stopped clock has no due time until it resumes.
 * A target of 0 is due at `start` (same rule as addBusinessTime), paused or not.
 * If the target is reached exactly when a pause begins, due is that instant: the clock had already run out.
 */
export function addBusinessTimeExcluding(
  calendar: BusinessCalendar,
  start: Date,
  ms: number,
  pauses: readonly SlaPause[],
): Date | null {
  assertBusinessDuration(ms, "business time to add");
  let cursor = instantOf(start, "start");
  if (ms === 0) return new Date(cursor);
  let remaining = ms;
  for (const [pauseFrom, pauseTo] of normalizePauses(pauses)) {
    if (pauseTo <= cursor) continue;
    if (pauseFrom > cursor) {
      const due = dueAfter(calendar, cursor, remaining);
      if (due <= pauseFrom) return new Date(due);
      remaining -= elapsedBetween(calendar, cursor, pauseFrom);
    }
    if (pauseTo === Number.POSITIVE_INFINITY) return null;
    cursor = pauseTo;
  }
  return new Date(dueAfter(calendar, cursor, remaining));
}
