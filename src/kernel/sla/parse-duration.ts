import { ValidationError } from "../errors.js";
import { MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from "./time-units.js";

/** Far beyond any real SLA (about five years of 40-hour weeks); larger values are typos. */
const MAX_TARGET_HOURS = 10_000;

const EXAMPLES = "e.g. 15m, 4h, 1h30m or ISO 8601 PT4H, PT1H30M";

type Unit = "hour" | "minute" | "second" | "day" | "long";

const UNITS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ...["h", "hr", "hrs", "hour", "hours"].map((word) => [word, "hour"] as const),
  ...["m", "min", "mins", "minute", "minutes"].map((word) => [word, "minute"] as const),
  ...["s", "sec", "secs", "second", "seconds"].map((word) => [word, "second"] as const),
  ...["d", "day", "days", "w", "wk", "wks", "week", "weeks"].map((word) => [word, "day"] as const),
  ...["mo", "month", "months", "y", "yr", "yrs", "year", "years"].map((word) => [word, "long"] as const),
]);

const UNIT_MS: Readonly<Record<"hour" | "minute" | "second", number>> = {
  hour: MS_PER_HOUR,
  minute: MS_PER_MINUTE,
  second: MS_PER_SECOND,
};

const COMPACT_TOKEN = /\s*(\d+(?:[.,]\d+)?)\s*([a-z]+)\s*/iy;
const ISO =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

/**
 * Reads an SLA target written by a person or in the YAML config, in ms. Accepts hours, minutes and seconds
 * ("15m", "4h", "40h", "1h30m", "1h 30m", "90s") and ISO 8601 time durations ("PT4H", "PT1H30M").
 * REJECTS days, weeks, months and years ("1d", "P1D", "P1DT2H"): a "business day" is 8 hours on a 09:00-17:00
 * calendar but 24 on a 24×7 one, and an SLA that silently means the wrong one is worse than an error.
 * Also rejects fractions ("1.5h"), zero, negatives and anything else, saying what to write instead.
 */
export function parseSlaDuration(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") {
    throw new ValidationError(`The SLA target is empty. Write a duration, ${EXAMPLES}.`);
  }
  if (trimmed.startsWith("-")) {
    throw new ValidationError(
      `"${trimmed}" is negative; an SLA target must be a positive duration, ${EXAMPLES}.`,
    );
  }
  const parts = /^p/i.test(trimmed) ? readIso(trimmed) : readCompact(trimmed);
  let total = 0;
  for (const [unit, amount] of parts) {
    if (unit === "day") throw daysAreAmbiguous(trimmed);
    if (unit === "long") throw monthsAreAmbiguous(trimmed);
    if (!/^\d+$/.test(amount)) {
      throw new ValidationError(
        `"${trimmed}" has a fraction. Write whole hours and minutes instead, e.g. 1h30m rather than 1.5h.`,
      );
    }
    total += Number(amount) * UNIT_MS[unit];
  }
  if (total === 0) {
    throw new ValidationError(`"${trimmed}" is zero; an SLA target must be longer than that, ${EXAMPLES}.`);
  }
  if (total > MAX_TARGET_HOURS * MS_PER_HOUR) {
    throw new ValidationError(
      `"${trimmed}" is longer than ${MAX_TARGET_HOURS} hours, which no SLA needs; check for a typo.`,
    );
  }
  return total;
}

function notADuration(text: string): ValidationError {
  return new ValidationError(`"${text}" is not a duration. Write it ${EXAMPLES}.`);
}

function daysAreAmbiguous(text: string): ValidationError {
  return new ValidationError(
    `"${text}" counts days, which are ambiguous for an SLA: a business day is 8 working hours on a 09:00-17:00 calendar but 24 hours on a 24×7 calendar. Write the target in hours instead, e.g. 8h or 24h.`,
  );
}

function monthsAreAmbiguous(text: string): ValidationError {
  return new ValidationError(
    `"${text}" counts months or years, which have no fixed length in business hours. Write the target in hours instead, e.g. 160h.`,
  );
}

function readCompact(text: string): Array<[Unit, string]> {
  const parts: Array<[Unit, string]> = [];
  const seen = new Set<Unit>();
  COMPACT_TOKEN.lastIndex = 0;
  while (COMPACT_TOKEN.lastIndex < text.length) {
    const match = COMPACT_TOKEN.exec(text);
    if (match === null) {
      if (/^\d+(?:[.,]\d+)?$/.test(text)) {
        throw new ValidationError(`"${text}" has no unit. Say which you mean, e.g. ${text}h or ${text}m.`);
      }
      throw notADuration(text);
    }
    const unit = UNITS.get((match[2] ?? "").toLowerCase());
    if (unit === undefined) throw notADuration(text);
    if (seen.has(unit)) throw notADuration(text);
    seen.add(unit);
    parts.push([unit, match[1] ?? ""]);
  }
  return parts;
}

function readIso(text: string): Array<[Unit, string]> {
  const match = ISO.exec(text);
  // "P" and "PT" alone match the pattern but say nothing; "P1DT" has a dangling T.
  if (match === null || /t$/i.test(text) || match.slice(1).every((group) => group === undefined)) {
    throw notADuration(text);
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const parts: Array<[Unit, string]> = [];
  if (years !== undefined || months !== undefined) parts.push(["long", years ?? months ?? ""]);
  if (weeks !== undefined || days !== undefined) parts.push(["day", weeks ?? days ?? ""]);
  if (hours !== undefined) parts.push(["hour", hours]);
  if (minutes !== undefined) parts.push(["minute", minutes]);
  if (seconds !== undefined) parts.push(["second", seconds]);
  return parts;
}
