import { compileConfigCalendars } from "../../../config/compiled-calendars.js";
import type { OpsdeskConfig } from "../../../config/types.js";
import type { BusinessCalendar } from "../../../kernel/sla/business-calendar.js";

const compiled = new WeakMap<OpsdeskConfig, (id: string, timezone?: string) => BusinessCalendar>();

/** The config's calendars, compiled once per loaded config (compiled calendars cache their windows). */
export function requestCalendars(config: OpsdeskConfig): (id: string, timezone?: string) => BusinessCalendar {
  let calendars = compiled.get(config);
  if (calendars === undefined) {
    calendars = compileConfigCalendars(config);
    compiled.set(config, calendars);
  }
  return calendars;
}
