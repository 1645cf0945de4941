import { DateTime } from "luxon";
import type { DigestSettings, Weekday } from "../../../config/types.js";
import { weekdays } from "../../../config/types.js";

/** How long after its time a digest may still go out (a desk that was down at 09:00 posts at 09:40). */
export const digestCatchUpMs = 6 * 3_600_000;

/**
 * The most recent instant the digest was due at or before `now` (its weekday and time on the desk's
 * calendar), or undefined when that was longer ago than the catch-up window: a digest is never sent days late.
 */
export function digestDueAt(
  digest: Pick<DigestSettings, "day" | "time">,
  now: Date,
  timezone: string,
): Date | undefined {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const [hour, minute] = digest.time.split(":").map(Number) as [number, number];
  const isoDay = weekdays.indexOf(digest.day as Weekday) + 1;
  let due = local.set({ weekday: isoDay as 1, hour, minute, second: 0, millisecond: 0 });
  if (due > local) due = due.minus({ weeks: 1 });
  const at = due.toJSDate();
  return now.getTime() - at.getTime() <= digestCatchUpMs ? at : undefined;
}
