import { MS_PER_SECOND } from "./time-units.js";

/** Wall clock minus UTC (ms) at an instant, in one time zone. */
export type OffsetReader = (instant: number) => number;

/**
 * Builds an offset reader for an IANA zone, or returns null when the runtime does not know the zone.
 * It reads the zone's wall clock with Intl (the runtime's tz database) and compares it with UTC. Intl is
 * used directly rather than through luxon because this sits on the calendar-compilation path and luxon's
 * per-call overhead is several times larger; the test oracle uses luxon, so the two stay independent.
 */
export function createOffsetReader(timezone: string): OffsetReader | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return null;
  }
  return (instant) => {
    const fields: Record<string, number> = {};
    let beforeChrist = false;
    for (const part of format.formatToParts(instant)) {
      if (part.type === "era") beforeChrist = part.value.startsWith("B");
      else if (part.type !== "literal") fields[part.type] = Number(part.value);
    }
    const year = fields.year ?? 1970;
    const wall = Date.UTC(
      beforeChrist ? 1 - year : year,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      // Some ICU versions print midnight as 24 even with h23.
      (fields.hour ?? 0) % 24,
      fields.minute ?? 0,
      fields.second ?? 0,
    );
    // The wall clock is printed to the second, so compare against the instant truncated to the second.
    const truncated = instant - (((instant % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND);
    return wall - truncated;
  };
}
