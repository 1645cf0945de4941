import { MS_PER_DAY } from "./time-units.js";
import { buildDayWindows, type DayWindows, type WeeklyRules } from "./working-windows.js";
import type { OffsetReader } from "./zone-clock.js";
import { offsetSegments } from "./zone-offsets.js";

/**
 * Bounds the per-calendar cache (about 55 years of UTC days); beyond that it starts afresh rather than
 * grow without limit in a long-running process. Entries are recomputed identically, so this is invisible.
 */
const MAX_CACHED_DAYS = 20_000;

/**
 * A compiled business calendar: validated rules plus a cache of working windows per UTC day. The arithmetic
 * steps UTC day by UTC day (never minute by minute) so a 200-hour target costs ~35 cache look-ups. Keying
 * by UTC day rather than local date keeps windows in real-time order even when a DST change crosses midnight.
 * Create with compileCalendar(); instances are safe to share (the cache only memoises pure results).
 */
export class BusinessCalendar {
  readonly name: string;
  readonly timezone: string;
  readonly #offsetAt: OffsetReader;
  readonly #rules: WeeklyRules;
  readonly #days = new Map<number, DayWindows>();

  constructor(name: string, timezone: string, offsetAt: OffsetReader, rules: WeeklyRules) {
    this.name = name;
    this.timezone = timezone;
    this.#offsetAt = offsetAt;
    this.#rules = rules;
  }

  /** Working windows inside the UTC day [utcDay × 24h, (utcDay + 1) × 24h). */
  windowsOfUtcDay(utcDay: number): DayWindows {
    const cached = this.#days.get(utcDay);
    if (cached !== undefined) return cached;
    if (this.#days.size >= MAX_CACHED_DAYS) this.#days.clear();
    const start = utcDay * MS_PER_DAY;
    const windows = buildDayWindows(this.#rules, offsetSegments(this.#offsetAt, start, start + MS_PER_DAY));
    this.#days.set(utcDay, windows);
    return windows;
  }
}
