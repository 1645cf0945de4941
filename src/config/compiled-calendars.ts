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
 * the config (a clock started under an older file) runs 24×7 in UTC. With a `timezone`, the calendar's hours
 * are read in that zone instead of its own.
 */
export function compileConfigCalendars(
  config: Pick<OpsdeskConfig, "calendars">,
): (id: string, timezone?: string) => BusinessCalendar {
  const calendars = new Map<string, BusinessCalendar>();
  for (const [id, calendar] of Object.entries(config.calendars)) {
    calendars.set(id, compileCalendar(definitionOf(calendar), id));
  }
  const fallback = compileCalendar(twentyFourSeven("UTC"), "24x7");
  return (id, timezone) => {
    const shared = calendars.get(id) ?? fallback;
    if (timezone === undefined || timezone === shared.timezone) return shared;
    // The same hours read in someone's own zone (an approver's working day), compiled once per zone.
    const key = `${id}@${timezone}`;
    let zoned = calendars.get(key);
    if (zoned === undefined) {
      const declared = config.calendars[id];
      zoned = compileCalendar(
        { ...(declared ? definitionOf(declared) : twentyFourSeven(timezone)), timezone },
        id,
      );
      calendars.set(key, zoned);
    }
    return zoned;
  };
}
