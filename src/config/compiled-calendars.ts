import type { BusinessCalendar } from "../kernel/sla/business-calendar.js";
import type { CalendarDefinition } from "../kernel/sla/calendar-definition.js";
import { compileCalendar } from "../kernel/sla/compile-calendar.js";
import { twentyFourSeven } from "../kernel/sla/index.js";
import type { BusinessCalendar as ConfigCalendar, OpsdeskConfig } from "./types.js";

function definitionOf(calendar: ConfigCalendar): CalendarDefinition {
  return {
    timezone: calendar.timezone,
    hours: Object.fromEntries(
      Object.entries(calendar.hours).map(([day, intervals]) => [
        day,
        intervals.map((interval) => [interval.start, interval.end] as const),
      ]),
    ),
    holidays: calendar.holidays,
  };
}

/**
 * The config's business calendars compiled once, by id, for SLA arithmetic (compiled calendars cache their
 * working windows, so sharing one instance per process is what makes due times cheap). An id no longer in
 * the config (a clock started under an older file) runs 24×7 in UTC.
 */
export function compileConfigCalendars(
  config: Pick<OpsdeskConfig, "calendars">,
): (id: string) => BusinessCalendar {
  const calendars = new Map<string, BusinessCalendar>();
  for (const [id, calendar] of Object.entries(config.calendars)) {
    calendars.set(id, compileCalendar(definitionOf(calendar), id));
  }
  const fallback = compileCalendar(twentyFourSeven("UTC"), "24x7");
  return (id) => calendars.get(id) ?? fallback;
}
