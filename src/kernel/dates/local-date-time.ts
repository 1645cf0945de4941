import { DateTime } from "luxon";
import { ValidationError } from "../errors.js";
import { clipText } from "../text/clip.js";

/** Dates as people type and read them on their own wall clock, for every practice that plans in time. */

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})$/;

/**
 * Reads a date and time as a person types it, on their own wall clock: "2026-11-20 22:00" (or with a
 * "T"), or an ISO instant with an offset ("2026-11-20T21:00Z") as machines and date pickers send it.
 */
export function parseLocalDateTime(text: string, timezone: string, field: string): Date {
  const trimmed = text.trim();
  const local = LOCAL.exec(trimmed);
  const parsed = local
    ? DateTime.fromISO(`${local[1]}T${(local[2] ?? "").padStart(5, "0")}`, { zone: timezone })
    : /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)
      ? DateTime.fromISO(trimmed, { setZone: true })
      : DateTime.invalid("unparsable");
  if (!parsed.isValid) {
    throw new ValidationError(
      `${field} "${clipText(trimmed, 40)}" is not a date and time. Write it like 2026-11-20 22:00 (your time zone, ${timezone}).`,
    );
  }
  return parsed.toJSDate();
}

/** "2026-11-20 22:00" on the given wall clock. */
export function formatLocal(date: Date, timezone: string): string {
  return DateTime.fromJSDate(date, { zone: timezone }).toFormat("yyyy-MM-dd HH:mm");
}

/** "Fri 20 Nov 22:00 – 23:30 (Europe/Berlin)", the end's date only when it differs. */
export function formatWindow(start: Date, end: Date, timezone: string): string {
  const from = DateTime.fromJSDate(start, { zone: timezone });
  const to = DateTime.fromJSDate(end, { zone: timezone });
  const endText = from.hasSame(to, "day") ? to.toFormat("HH:mm") : to.toFormat("ccc d LLL HH:mm");
  return `${from.toFormat("ccc d LLL yyyy HH:mm")} – ${endText} (${timezone})`;
}
