import { ValidationError } from "../errors.js";
import { BusinessCalendar } from "./business-calendar.js";
import { type CalendarDefinition, weekdays } from "./calendar-definition.js";
import { parseLocalDate, parseWallTime } from "./wall-time.js";
import { createOffsetReader } from "./zone-clock.js";

/**
 * Validates a calendar from the configuration and compiles it for fast arithmetic: per-weekday interval
 * lists in minutes and holidays as day numbers. Errors name the calendar and the entry, and say what to
 * write instead (principle 8), because they surface when the YAML is loaded.
 */
export function compileCalendar(definition: CalendarDefinition, name = "calendar"): BusinessCalendar {
  const offsetAt = createOffsetReader(definition.timezone);
  if (offsetAt === null) {
    throw new ValidationError(
      `Calendar "${name}": "${definition.timezone}" is not an IANA time zone. Use a name like "Europe/Berlin" or "America/New_York".`,
    );
  }
  const known = new Set<string>(weekdays);
  for (const key of Object.keys(definition.hours)) {
    if (!known.has(key)) {
      throw new ValidationError(
        `Calendar "${name}": "${key}" is not a weekday. Use mon, tue, wed, thu, fri, sat or sun.`,
      );
    }
  }
  const intervals = weekdays.map((day) => compileDay(name, day, definition.hours[day] ?? []));
  if (intervals.every((day) => day.length === 0)) {
    throw new ValidationError(
      `Calendar "${name}" has no working hours, so an SLA clock on it would never move. Add hours such as mon: [["09:00", "17:00"]].`,
    );
  }
  const holidays = new Set<number>();
  for (const text of definition.holidays) {
    const day = parseLocalDate(text);
    if (day === null) {
      throw new ValidationError(
        `Calendar "${name}": holiday "${text}" is not a date. Write it as YYYY-MM-DD, e.g. "2025-12-25".`,
      );
    }
    holidays.add(day);
  }
  return new BusinessCalendar(name, definition.timezone, offsetAt, {
    intervals,
    holidays,
  });
}

function compileDay(
  name: string,
  day: string,
  entries: ReadonlyArray<readonly [string, string]>,
): Array<readonly [number, number]> {
  const parsed = entries.map(([startText, endText]) => {
    const start = parseWallTime(startText, false);
    const end = parseWallTime(endText, true);
    if (start === null || end === null) {
      throw new ValidationError(
        `Calendar "${name}", ${day}: "${startText}-${endText}" is not a working interval. Write ["HH:MM", "HH:MM"], e.g. ["09:00", "17:00"]; the end may be "24:00".`,
      );
    }
    if (end <= start) {
      throw new ValidationError(
        `Calendar "${name}", ${day}: "${startText}-${endText}" ends before it starts. Intervals cannot cross midnight; split it into two days.`,
      );
    }
    return [start, end, `${startText}-${endText}`] as const;
  });
  parsed.sort((left, right) => left[0] - right[0]);
  const merged: Array<[number, number]> = [];
  let previousText = "";
  for (const [start, end, text] of parsed) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) {
      throw new ValidationError(
        `Calendar "${name}", ${day}: intervals ${previousText} and ${text} overlap. List each working period once.`,
      );
    }
    // Touching intervals (12:00-13:00 then 13:00-17:00) are one working period.
    if (last !== undefined && start === last[1]) last[1] = end;
    else merged.push([start, end]);
    previousText = text;
  }
  return merged;
}
