import { minutesOfDay } from "./formats.js";
import { type BusinessCalendar, type TimeInterval, type Weekday, weekdays } from "./types.js";

/** Always available so an SLA can run round the clock without anyone declaring it. */
export const ALWAYS_OPEN_CALENDAR_ID = "24x7";

function interval(start: string, end: string): TimeInterval {
  return { start, end, startMinute: minutesOfDay(start), endMinute: minutesOfDay(end) };
}

export type WeeklyHoursInput = Partial<Record<Weekday, readonly (readonly [string, string])[]>>;

export function buildCalendar(
  id: string,
  timezone: string,
  hours: WeeklyHoursInput,
  holidays: readonly string[],
): BusinessCalendar {
  const week = Object.fromEntries(
    weekdays.map((day) => [day, (hours[day] ?? []).map(([start, end]) => interval(start, end))]),
  ) as Record<Weekday, TimeInterval[]>;
  return { id, timezone, hours: week, holidays: [...new Set(holidays)].sort() };
}

export function alwaysOpenCalendar(timezone: string): BusinessCalendar {
  const allDay = [["00:00", "24:00"]] as const;
  return buildCalendar(
    ALWAYS_OPEN_CALENDAR_ID,
    timezone,
    Object.fromEntries(weekdays.map((day) => [day, allDay])),
    [],
  );
}
