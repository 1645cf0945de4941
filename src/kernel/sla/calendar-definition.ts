/**
 * The shape of a business calendar as written in the YAML configuration (principle 9). This is input only;
 * the arithmetic works on the compiled form (see compile-calendar.ts).
 */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

export interface CalendarDefinition {
  /** IANA time zone, e.g. "Europe/Berlin". Working hours are wall-clock times in this zone. */
  timezone: string;
  /** Working intervals per weekday as ["HH:MM", "HH:MM"]; the end may be "24:00". Missing day = closed. */
  hours: Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;
  /** Whole local dates (YYYY-MM-DD) on which no business time accrues. */
  holidays: readonly string[];
}

/** 24×7 is a calendar too: every day 00:00-24:00, no holidays. */
export function twentyFourSeven(timezone: string): CalendarDefinition {
  const allDay = [["00:00", "24:00"]] as const;
  return {
    timezone,
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    holidays: [],
  };
}
