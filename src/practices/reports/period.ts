import { DateTime } from "luxon";
import { ValidationError } from "../../kernel/errors.js";
import type { ReportPeriod } from "./command.js";

/** The instants a report covers, [from, to), and its weeks, on the desk's calendar. */
export interface ReportWindow {
  readonly from: Date;
  readonly to: Date;
  /** "the last 30 days", "2026-10-01 to 2026-10-31": how the report names its window. */
  readonly label: string;
  readonly weeks: readonly ReportWeek[];
}

export interface ReportWeek {
  readonly start: Date;
  readonly end: Date;
  /** The Monday that starts the week, `Nov 2` (ISO 8601 weeks start on Monday). */
  readonly label: string;
}

const presetDays: Readonly<Record<ReportPeriod, number>> = { "7d": 7, "30d": 30, "90d": 90 };
const maxDays = 366;

/**
 * A preset ends with today (whole local days: `7d` is today and the six days before); from/to are whole
 * local days too, `to` included. Days are the desk's (opsdesk.yaml `timezone`), so a week starts on the
 * same Monday for everyone reading the report.
 */
export function reportWindow(
  args: { period: ReportPeriod; from?: string | undefined; to?: string | undefined },
  now: Date,
  timezone: string,
): ReportWindow {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
  if (args.from === undefined && args.to === undefined) {
    const days = presetDays[args.period];
    const end = today.plus({ days: 1 });
    return withWeeks(end.minus({ days }), end, `the last ${days} days`);
  }
  const last = args.to !== undefined ? localDay(args.to, "to", timezone) : today;
  const first = args.from !== undefined ? localDay(args.from, "from", timezone) : last.minus({ days: 29 });
  if (first > last)
    throw new ValidationError(`from: must be on or before to: (${isoDay(first)} is after ${isoDay(last)}).`);
  const end = last.plus({ days: 1 });
  if (end.diff(first, "days").days > maxDays)
    throw new ValidationError(
      `A report covers at most ${maxDays} days; choose a later from: or an earlier to:.`,
    );
  return withWeeks(first, end, `${isoDay(first)} to ${isoDay(last)}`);
}

function localDay(text: string, name: string, timezone: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: timezone }) : undefined;
  if (!day?.isValid)
    throw new ValidationError(`${name}: must be a date written YYYY-MM-DD, e.g. 2026-11-02.`);
  return day.startOf("day");
}

function isoDay(day: DateTime): string {
  return day.toISODate() ?? "";
}

function withWeeks(from: DateTime, to: DateTime, label: string): ReportWindow {
  const weeks: ReportWeek[] = [];
  for (let monday = from.startOf("week"); monday < to; monday = monday.plus({ weeks: 1 })) {
    const start = monday < from ? from : monday;
    const next = monday.plus({ weeks: 1 });
    const end = next > to ? to : next;
    weeks.push({ start: start.toJSDate(), end: end.toJSDate(), label: monday.toFormat("LLL d") });
  }
  return { from: from.toJSDate(), to: to.toJSDate(), label, weeks };
}

/** The index of the week an instant falls in, or -1 outside the window. */
export function weekIndex(window: ReportWindow, at: Date): number {
  const ms = at.getTime();
  return window.weeks.findIndex((week) => ms >= week.start.getTime() && ms < week.end.getTime());
}
