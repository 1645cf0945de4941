import { MS_PER_DAY, MS_PER_MINUTE } from "./time-units.js";
import type { OffsetSegment } from "./zone-offsets.js";

/** A calendar's working rules in plain numbers, ready for arithmetic. */
export interface WeeklyRules {
  /** Index 0 = Monday … 6 = Sunday; each list sorted, non-overlapping [startMinute, endMinute) pairs. */
  readonly intervals: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Holiday dates as days since 1970-01-01 (local calendar dates, not instants). */
  readonly holidays: ReadonlySet<number>;
}

/** The business time inside one UTC day: real-time windows, sorted, disjoint, in epoch ms. */
export interface DayWindows {
  /** Flat [start0, end0, start1, end1, …], each window half-open [start, end). */
  readonly bounds: readonly number[];
  /** Sum of all window lengths, so whole days can be skipped without looking inside. */
  readonly total: number;
}

/** 1970-01-01 was a Thursday: with Monday = 0, day number 0 has index 3. */
function weekdayIndex(localDay: number): number {
  return (((localDay + 3) % 7) + 7) % 7;
}

/**
 * THE WALL-CLOCK RULE (the product contract for DST): an instant is business time when the calendar zone's
 * wall clock, at that instant, shows a working weekday that is not a holiday and a time of day inside one
 * of that weekday's intervals. Consequences:
 * - 09:00-17:00 stays 09:00-17:00 local on both sides of a DST change;
 * - local times that never happen (spring-forward gap) are simply never shown, so an interval boundary in
 *   the gap takes effect when the clock jumps past it, and an interval wholly inside the gap is empty;
 * - local times that happen twice (fall-back) count both times they are shown, so 24×7 days have 23 or 25
 *   real hours and business elapsed equals real elapsed.
 * For each stretch of constant offset the set of instants whose wall time lies in [a, b) is one interval
 * of real time, which is what makes the rule cheap to evaluate.
 */
export function buildDayWindows(rules: WeeklyRules, segments: readonly OffsetSegment[]): DayWindows {
  const pieces: Array<[number, number]> = [];
  for (const segment of segments) {
    const wallStart = segment.start + segment.offsetMs;
    const wallEnd = segment.end + segment.offsetMs;
    const firstDay = Math.floor(wallStart / MS_PER_DAY);
    const lastDay = Math.floor((wallEnd - 1) / MS_PER_DAY);
    for (let localDay = firstDay; localDay <= lastDay; localDay++) {
      if (rules.holidays.has(localDay)) continue;
      const intervals = rules.intervals[weekdayIndex(localDay)] ?? [];
      const midnight = localDay * MS_PER_DAY;
      for (const [startMinute, endMinute] of intervals) {
        const start = Math.max(segment.start, midnight + startMinute * MS_PER_MINUTE - segment.offsetMs);
        const end = Math.min(segment.end, midnight + endMinute * MS_PER_MINUTE - segment.offsetMs);
        if (end > start) pieces.push([start, end]);
      }
    }
  }
  return mergeWindows(pieces);
}

/** Sorts and joins touching pieces (an interval cut by an offset change, or 12:00-13:00 + 13:00-17:00). */
function mergeWindows(pieces: Array<[number, number]>): DayWindows {
  pieces.sort((left, right) => left[0] - right[0]);
  const bounds: number[] = [];
  let total = 0;
  for (const [start, end] of pieces) {
    const lastEnd = bounds[bounds.length - 1];
    if (lastEnd !== undefined && start <= lastEnd) {
      if (end > lastEnd) {
        total += end - lastEnd;
        bounds[bounds.length - 1] = end;
      }
      continue;
    }
    bounds.push(start, end);
    total += end - start;
  }
  return { bounds, total };
}
