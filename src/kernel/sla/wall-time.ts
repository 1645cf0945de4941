import { MINUTES_PER_DAY, MS_PER_DAY } from "./time-units.js";

const WALL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Reads "HH:MM" as minutes after local midnight. "24:00" (the end of the day) is accepted only where the
 * caller allows it, because an interval may end at midnight but never start there. Returns null when the
 * text is not a wall time, so the caller can name the offending config entry.
 */
export function parseWallTime(text: string, allowEndOfDay: boolean): number | null {
  const match = WALL_TIME.exec(text);
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > MINUTES_PER_DAY) return null;
  if (minutes === MINUTES_PER_DAY && !allowEndOfDay) return null;
  return minutes;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  // Date.UTC rolls 2025-02-30 over to March; a holiday that does not exist is a config mistake.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(utc / MS_PER_DAY);
}
