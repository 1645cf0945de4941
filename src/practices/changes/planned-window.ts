import { formatLocal } from "../../kernel/dates/local-date-time.js";
import { ValidationError } from "../../kernel/errors.js";

export { formatLocal, formatWindow, parseLocalDateTime } from "../../kernel/dates/local-date-time.js";

/** Far enough for any real change calendar; further out is almost always a typo in the year. */
const maxDaysAhead = 366;
const maxLengthDays = 14;

export interface PlannedWindow {
  start: Date;
  end: Date;
}

/** The window must end after it starts, must not lie in the past, and must be plausible. */
export function checkPlannedWindow(window: PlannedWindow, now: Date, timezone: string): PlannedWindow {
  const shown = (date: Date) => formatLocal(date, timezone);
  if (window.end.getTime() <= window.start.getTime()) {
    throw new ValidationError(
      `The planned end (${shown(window.end)}) must be after the planned start (${shown(window.start)}).`,
    );
  }
  if (window.end.getTime() <= now.getTime()) {
    throw new ValidationError(
      `The planned window (${shown(window.start)} – ${shown(window.end)}) is in the past. Plan the change from now on.`,
    );
  }
  if (window.start.getTime() - now.getTime() > maxDaysAhead * 86_400_000) {
    throw new ValidationError(
      `The planned start ${shown(window.start)} is more than a year ahead; check the year.`,
    );
  }
  if (window.end.getTime() - window.start.getTime() > maxLengthDays * 86_400_000) {
    throw new ValidationError(
      `The planned window is longer than ${maxLengthDays} days; split the change into smaller ones.`,
    );
  }
  return window;
}
