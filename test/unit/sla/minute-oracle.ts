import type { CalendarDefinition, Weekday } from "../../../src/kernel/sla/calendar-definition.js";

const MINUTE = 60_000;
const WEEKDAY_KEYS: Readonly<Record<string, Weekday>> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

/**
 * The naive reference: walks real time one minute at a time and asks Intl what the wall clock shows.
 * Deliberately shares no code with src/core/sla, so agreement means something. It states the wall-clock
 * rule directly: a minute counts when the clock shows a working weekday, not a holiday, and a time inside
 * one of that day's intervals. Only valid for minute-aligned instants in zones whose offsets are whole
 * minutes (true of every zone since the 1970s). Used by the property tests and by bench/sla as the baseline.
 */
export class MinuteOracle {
  readonly #clock: Intl.DateTimeFormat;
  readonly #intervals: Record<Weekday, Array<[number, number]>>;
  readonly #holidays: Set<string>;

  constructor(definition: CalendarDefinition) {
    this.#clock = new Intl.DateTimeFormat("en-US", {
      timeZone: definition.timezone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    const day = (key: Weekday) =>
      (definition.hours[key] ?? []).map(([start, end]): [number, number] => [
        toMinutes(start),
        toMinutes(end),
      ]);
    this.#intervals = {
      mon: day("mon"),
      tue: day("tue"),
      wed: day("wed"),
      thu: day("thu"),
      fri: day("fri"),
      sat: day("sat"),
      sun: day("sun"),
    };
    this.#holidays = new Set(definition.holidays);
  }

  isWorkingMinute(instant: number): boolean {
    // en-US prints "Wed, 01/01/2025, 01:00"; parsing the string is ~4x faster than formatToParts, and a
    // runtime that prints anything else makes the oracle throw rather than answer wrongly.
    const text = this.#clock.format(instant);
    const wall = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/.exec(text);
    if (wall === null) throw new Error(`oracle cannot read the wall clock "${text}"`);
    const [, weekday = "", month, day, year, hour, minute] = wall;
    if (this.#holidays.has(`${year}-${month}-${day}`)) return false;
    const key = WEEKDAY_KEYS[weekday];
    if (key === undefined) throw new Error(`oracle cannot read the weekday in "${text}"`);
    const minuteOfDay = (Number(hour) % 24) * 60 + Number(minute);
    return this.#intervals[key].some(([start, end]) => start <= minuteOfDay && minuteOfDay < end);
  }

  elapsed(from: number, to: number): number {
    let minutes = 0;
    for (let t = from; t < to; t += MINUTE) if (this.isWorkingMinute(t)) minutes++;
    return minutes * MINUTE;
  }

  due(start: number, ms: number): number {
    if (ms === 0) return start;
    let remaining = ms / MINUTE;
    for (let t = start; ; t += MINUTE) {
      if (this.isWorkingMinute(t)) {
        remaining--;
        if (remaining === 0) return t + MINUTE;
      }
    }
  }
}

function toMinutes(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
