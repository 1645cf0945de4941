import type { BusinessCalendar } from "./business-calendar.js";
import { assertBusinessDuration, instantOf } from "./instants.js";
import { MS_PER_DAY } from "./time-units.js";

/**
 * A calendar whose working time is a few minutes a year still reaches any target within decades; walking
 * further means the calendar cannot reach it (e.g. every working day is a holiday), which is a bug upstream.
 */
const MAX_DAYS_SCANNED = 366 * 200;

/**
 * Business time (ms) between two instants: the real time inside working windows (see the wall-clock rule
 * in working-windows.ts). Returns 0 when `to` is not after `from`, so a clock read slightly out of order
 * never produces negative elapsed time.
 */
export function businessElapsed(calendar: BusinessCalendar, from: Date, to: Date): number {
  return elapsedBetween(calendar, instantOf(from, "from"), instantOf(to, "to"));
}

/** Same as businessElapsed on epoch ms; shared with the pause arithmetic to avoid Date churn. */
export function elapsedBetween(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let elapsed = 0;
  const lastDay = Math.floor((to - 1) / MS_PER_DAY);
  for (let day = Math.floor(from / MS_PER_DAY); day <= lastDay; day++) {
    const windows = calendar.windowsOfUtcDay(day);
    const dayStart = day * MS_PER_DAY;
    if (dayStart >= from && dayStart + MS_PER_DAY <= to) {
      elapsed += windows.total;
      continue;
    }
    // bounds has an even length by construction, so both reads below are in range.
    const bounds = windows.bounds;
    for (let i = 0; i < bounds.length; i += 2) {
      const start = Math.max(bounds[i]!, from);
      const end = Math.min(bounds[i + 1]!, to);
      if (end > start) elapsed += end - start;
    }
  }
  return elapsed;
}

/**
 * The due instant: the first instant at which business time elapsed since `start` reaches `ms`.
 * - A start outside working hours accrues nothing until the next opening.
 * - When the target is reached exactly at a closing time, due IS that closing time, not the next opening:
 *   windows are half-open [open, close) and the target is met the moment the last needed ms has passed.
 * - A target of 0 is due at `start` itself, even outside working hours: nothing needs to accrue, and this
 *   keeps businessElapsed(start, addBusinessTime(start, t)) === t for every t.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, ms: number): Date {
  assertBusinessDuration(ms, "business time to add");
  return new Date(dueAfter(calendar, instantOf(start, "start"), ms));
}

/** Same as addBusinessTime on epoch ms. */
export function dueAfter(calendar: BusinessCalendar, start: number, ms: number): number {
  if (ms === 0) return start;
  let remaining = ms;
  const firstDay = Math.floor(start / MS_PER_DAY);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
    const windows = calendar.windowsOfUtcDay(day);
    // Whole days after the start that cannot finish the target are skipped on their total alone.
    if (day > firstDay && remaining > windows.total) {
      remaining -= windows.total;
      continue;
    }
    const bounds = windows.bounds;
    for (let i = 0; i < bounds.length; i += 2) {
      const end = bounds[i + 1]!;
      if (end <= start) continue;
      const open = Math.max(bounds[i]!, start);
      const available = end - open;
      if (remaining <= available) return open + remaining;
      remaining -= available;
    }
  }
  throw new Error(
    `Calendar "${calendar.name}" has no working time within ${MAX_DAYS_SCANNED} days after ${new Date(start).toISOString()}`,
  );
}
