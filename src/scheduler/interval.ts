/**
 * How often a job runs, written `30s`, `5m`, `1h` (optionally `every 30s`). An interval must divide the
 * minute, hour or day evenly: then its slots are the same wall-clock instants on every replica (…:00,
 * …:30), which is what lets the database elect one replica per slot.
 */
export interface Interval {
  /** As written, normalised: `30s`. */
  text: string;
  ms: number;
  /** The node-cron expression (with seconds) that fires at each slot, in UTC. */
  cron: string;
}

export class IntervalError extends Error {
  override name = "IntervalError";
}

const units = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
type Unit = keyof typeof units;
// Each unit's interval must divide the next unit up so slots line up across replicas and days.
const divides: Record<Unit, number> = { s: 60, m: 60, h: 24 };

export function parseInterval(written: string): Interval {
  const match = /^\s*(?:every\s+)?(\d{1,4})\s*(s|m|h)\s*$/i.exec(written);
  if (!match) {
    throw new IntervalError(
      `expected an interval like 30s, 5m or 1h (seconds, minutes or hours), got "${written.slice(0, 40)}"`,
    );
  }
  const count = Number(match[1]);
  const unit = (match[2] as string).toLowerCase() as Unit;
  if (count < 1 || divides[unit] % count !== 0) {
    const fits = divisors(divides[unit]).map((d) => `${d}${unit}`);
    throw new IntervalError(
      `${count}${unit} does not divide ${unit === "h" ? "a day" : unit === "m" ? "an hour" : "a minute"} evenly; use one of ${fits.join(", ")}`,
    );
  }
  const every = count === 1 ? "*" : `*/${count}`;
  const cron =
    unit === "s" ? `${every} * * * * *` : unit === "m" ? `0 ${every} * * * *` : `0 0 ${every} * * *`;
  return { text: `${count}${unit}`, ms: count * units[unit], cron };
}

/** The slot a given instant belongs to: the latest interval boundary at or before it (UTC, epoch-aligned). */
export function slotAt(instant: Date, interval: Pick<Interval, "ms">): Date {
  return new Date(Math.floor(instant.getTime() / interval.ms) * interval.ms);
}

function divisors(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
}
