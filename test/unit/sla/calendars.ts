import type { CalendarDefinition } from "../../../src/kernel/sla/calendar-definition.js";
import { twentyFourSeven } from "../../../src/kernel/sla/calendar-definition.js";

/** Shared calendar fixtures for the SLA tests; times in the comments of each test are local wall times. */
const nineToFive = [["09:00", "17:00"]] as const;
const splitShift = [
  ["08:00", "12:00"],
  ["13:00", "17:00"],
] as const;

export const berlinOffice: CalendarDefinition = {
  timezone: "Europe/Berlin",
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ["2025-12-25", "2025-12-26", "2026-01-01"],
};

export const berlinSplitShift: CalendarDefinition = {
  timezone: "Europe/Berlin",
  hours: { mon: splitShift, tue: splitShift, wed: splitShift, thu: splitShift, fri: splitShift },
  holidays: ["2025-05-01", "2025-12-25"],
};

export const newYorkOffice: CalendarDefinition = {
  timezone: "America/New_York",
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ["2025-07-04", "2025-11-27"],
};

export const berlin24x7 = twentyFourSeven("Europe/Berlin");
export const newYork24x7 = twentyFourSeven("America/New_York");

/** Sunday-night hours that straddle the DST changes (both zones change on a Sunday around 02:00). */
export function sundayNight(timezone: string, interval: readonly [string, string]): CalendarDefinition {
  return { timezone, hours: { sun: [interval] }, holidays: [] };
}

/** Every fixture the property tests draw from: business and 24×7, both zones, DST-straddling hours. */
export const allFixtures: ReadonlyArray<readonly [string, CalendarDefinition]> = [
  ["berlinOffice", berlinOffice],
  ["berlinSplitShift", berlinSplitShift],
  ["newYorkOffice", newYorkOffice],
  ["berlin24x7", berlin24x7],
  ["newYork24x7", newYork24x7],
  [
    "berlinNights",
    {
      timezone: "Europe/Berlin",
      hours: {
        sat: [["22:00", "24:00"]],
        sun: [
          ["00:00", "02:30"],
          ["02:45", "06:00"],
        ],
        wed: [["10:00", "12:00"]],
      },
      holidays: [],
    },
  ],
  [
    "newYorkNights",
    {
      timezone: "America/New_York",
      hours: { sun: [["01:30", "03:30"]], mon: [["00:00", "01:15"]], thu: [["20:00", "24:00"]] },
      holidays: ["2025-11-06"],
    },
  ],
];

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const at = (iso: string): Date => new Date(iso);
