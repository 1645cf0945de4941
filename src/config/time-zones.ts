import { DateTime, IANAZone } from "luxon";
import { editDistance } from "../kernel/commands/closest-name.js";

/**
 * Which time zone names opsdesk.yaml accepts, and what to suggest instead of the others.
 *
 * The rule: a zone is written as the place whose clock it follows, an IANA Area/Location name like
 * America/New_York, or as UTC. Everything else the IANA tz database (and this machine's ICU) also resolves
 * is refused unless a calendar opts in with `allowFixedOffset: true`:
 * - names without an area: abbreviations (EST, CET, PST — PST is not even IANA, ICU adds it), POSIX-style
 *   rules (EST5EDT) and old country aliases (Japan, GB), which the tz database keeps only for compatibility
 *   (its `backward` file). EST is fixed at UTC-05:00 all year: a New York calendar written that way opens
 *   an hour late all summer;
 * - the `Etc/` zones (Etc/GMT+5), which are fixed offsets by definition (the tz database's `etcetera` file)
 *   and whose sign is inverted: Etc/GMT+5 is UTC-05:00.
 * UTC itself (and Etc/UTC) is accepted: nobody writes UTC meaning a place, and a 24x7 desk on UTC is what it
 * says. GMT is not: in London it means "our clock", which is BST half the year.
 */

/** Where in the file a zone is written: only a calendar can opt in to a fixed offset. */
export type ZoneScope = "calendar" | "default" | "person";

export const ZONE_EXPECTED = "an IANA time zone like Europe/Paris or UTC";

const UTC_NAMES = new Set(["utc", "etc/utc"]);

/**
 * Common abbreviations and the places people most often mean by them (tz database `northamerica`,
 * `europe`, `asia`, `australasia` abbreviations; where one abbreviation is used on several continents,
 * each reading is offered). Most are not zone names at all; a few (EST, MST, HST, CET, EET, WET, MET, the
 * POSIX-style EST5EDT family) are, which is the trap.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  EST: ["America/New_York"],
  EDT: ["America/New_York"],
  ET: ["America/New_York"],
  EST5EDT: ["America/New_York"],
  CST: ["America/Chicago", "Asia/Shanghai"],
  CDT: ["America/Chicago"],
  CT: ["America/Chicago"],
  CST6CDT: ["America/Chicago"],
  MST: ["America/Denver", "America/Phoenix"],
  MDT: ["America/Denver"],
  MT: ["America/Denver"],
  MST7MDT: ["America/Denver"],
  PST: ["America/Los_Angeles"],
  PDT: ["America/Los_Angeles"],
  PT: ["America/Los_Angeles"],
  PST8PDT: ["America/Los_Angeles"],
  AKST: ["America/Anchorage"],
  AKDT: ["America/Anchorage"],
  HST: ["Pacific/Honolulu"],
  AST: ["America/Halifax"],
  ADT: ["America/Halifax"],
  NST: ["America/St_Johns"],
  BRT: ["America/Sao_Paulo"],
  ART: ["America/Argentina/Buenos_Aires"],
  GMT: ["Europe/London", "UTC"],
  BST: ["Europe/London"],
  IST: ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"],
  WET: ["Europe/Lisbon"],
  WEST: ["Europe/Lisbon"],
  CET: ["Europe/Paris", "Europe/Berlin"],
  CEST: ["Europe/Paris", "Europe/Berlin"],
  MET: ["Europe/Paris", "Europe/Berlin"],
  MEST: ["Europe/Paris", "Europe/Berlin"],
  EET: ["Europe/Athens", "Europe/Helsinki"],
  EEST: ["Europe/Athens", "Europe/Helsinki"],
  MSK: ["Europe/Moscow"],
  SAST: ["Africa/Johannesburg"],
  WAT: ["Africa/Lagos"],
  CAT: ["Africa/Maputo"],
  EAT: ["Africa/Nairobi"],
  PKT: ["Asia/Karachi"],
  SGT: ["Asia/Singapore"],
  HKT: ["Asia/Hong_Kong"],
  JST: ["Asia/Tokyo"],
  KST: ["Asia/Seoul"],
  AEST: ["Australia/Sydney"],
  AEDT: ["Australia/Sydney"],
  ACST: ["Australia/Adelaide"],
  ACDT: ["Australia/Adelaide"],
  AWST: ["Australia/Perth"],
  NZST: ["Pacific/Auckland"],
  NZDT: ["Pacific/Auckland"],
};

/**
 * ICU still lists some zones under the names the tz database retired (Asia/Calcutta); the current names
 * (tz database `backward` links, old -> new) are what a typo should be corrected to.
 */
const RENAMED = [
  "Asia/Kolkata",
  "Europe/Kyiv",
  "Asia/Ho_Chi_Minh",
  "Asia/Kathmandu",
  "Asia/Yangon",
  "America/Nuuk",
  "Atlantic/Faroe",
  "Pacific/Kanton",
];

let placeNames: readonly string[] | undefined;

function knownPlaces(): readonly string[] {
  placeNames ??= [
    "UTC",
    ...RENAMED,
    ...Intl.supportedValuesOf("timeZone").filter((zone) => isPlaceName(zone) && !zone.startsWith("UTC")),
  ];
  return placeNames;
}

/** Area/Location (outside Etc/), or UTC. */
function isPlaceName(zone: string): boolean {
  const lower = zone.toLowerCase();
  return UTC_NAMES.has(lower) || (lower.includes("/") && !lower.startsWith("etc/"));
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/[ -]/g, "_");

/**
 * A likely intended zone for a name that is not one: "America/New York", "Europe/Pariss", or the city alone
 * ("New York", "paris"). Only a close match is offered: a wrong suggestion is worse than none.
 */
export function closestZone(written: string): string | undefined {
  const typed = normalise(written);
  let best: { zone: string; distance: number } | undefined;
  for (const zone of knownPlaces()) {
    const full = normalise(zone);
    const city = full.slice(full.lastIndexOf("/") + 1);
    const distance = Math.min(
      editDistance(typed, full),
      // The city alone is enough to name the zone, but only when it is spelt (nearly) right.
      typed.includes("/") || city.length < 4 ? Number.POSITIVE_INFINITY : editDistance(typed, city) * 2,
    );
    if (best === undefined || distance < best.distance) best = { zone, distance };
  }
  return best !== undefined && best.distance <= 2 ? best.zone : undefined;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

/** The zone's offset when it is the same all year (checked in January and July), else undefined. */
function fixedOffset(zone: string): number | undefined {
  const year = DateTime.utc().year;
  const january = DateTime.fromObject({ year, month: 1, day: 15 }, { zone }).offset;
  const july = DateTime.fromObject({ year, month: 7, day: 15 }, { zone }).offset;
  return january === july ? january : undefined;
}

function didYouMean(zones: readonly string[]): string {
  if (zones.length === 1) return `did you mean ${zones[0]}?`;
  return `did you mean ${zones.slice(0, -1).join(", ")} or ${zones.at(-1)}?`;
}

const WRITE_A_PLACE =
  "write the place whose clock it follows, as an IANA Area/Location name like America/New_York";

function optInHint(scope: ZoneScope, written: string): string {
  switch (scope) {
    case "calendar":
      return ` (to keep "${written}" anyway, add allowFixedOffset: true to this calendar)`;
    case "default":
      return " (a calendar that really keeps one offset all year names it as its own timezone, with allowFixedOffset: true)";
    case "person":
      return "";
  }
}

/**
 * "UTC+3", "GMT-05:00", "+03:00": offsets people write that are no zone name at all. The Etc/GMT name with
 * the same offset is offered for calendars that really keep it all year (note the sign: the tz database's
 * Etc/GMT-3 is UTC+03:00, after POSIX).
 */
function writtenOffsetProblem(written: string, scope: ZoneScope): string | undefined {
  const match = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(written.trim());
  if (match === null) return undefined;
  const [, sign = "+", hoursText = "0", minutesText = "00"] = match;
  const east = sign === "+";
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  const offset = (east ? 1 : -1) * (hours * 60 + minutes);
  const etc =
    minutes === 0 && hours <= (east ? 14 : 12) && hours > 0
      ? `Etc/GMT${east ? "-" : "+"}${hours}`
      : undefined;
  const keep =
    etc === undefined || scope !== "calendar"
      ? ""
      : `; for a calendar that really keeps ${offsetText(offset)} all year, write ${etc} (the tz database inverts the sign) and add allowFixedOffset: true`;
  return `"${written}" is a fixed offset, not a time zone: it never follows summer time; ${WRITE_A_PLACE}${keep}`;
}

/**
 * What is wrong with a zone name that no time zone database knows, with the likely intended one; undefined
 * when the name is known (it may still be refused by notAPlaceProblem).
 */
export function unknownZoneProblem(written: string, scope: ZoneScope): string | undefined {
  if (IANAZone.isValidZone(written)) return undefined;
  const offset = writtenOffsetProblem(written, scope);
  if (offset !== undefined) return offset;
  const closest = closestZone(written);
  const meant = ABBREVIATIONS[written.trim().toUpperCase()] ?? (closest === undefined ? [] : [closest]);
  const suggestion = meant.length === 0 ? "" : `; ${didYouMean(meant)}`;
  return `expected ${ZONE_EXPECTED}, got "${written}"${suggestion}`;
}

/**
 * Why a zone that exists is still refused (an abbreviation, an alias or a fixed offset), with the place to
 * write instead and, for calendars, the way to keep it anyway. Undefined for a place name or UTC.
 */
export function notAPlaceProblem(written: string, scope: ZoneScope): string | undefined {
  if (!IANAZone.isValidZone(written) || isPlaceName(written)) return undefined;
  const hint = optInHint(scope, written);
  const upper = written.toUpperCase();
  const abbreviation = ABBREVIATIONS[upper];
  const fixed = fixedOffset(written);
  const fixedText = fixed === undefined ? undefined : `fixed at ${offsetText(fixed)} all year`;
  if (upper.startsWith("ETC/")) {
    const sign = /^ETC\/GMT[+-]\d/.test(upper) ? " (the tz database inverts the sign of Etc/GMT names)" : "";
    return `"${written}" is ${fixedText ?? "a fixed offset"}${sign}, not the clock of a place; ${WRITE_A_PLACE}, or UTC${hint}`;
  }
  if (abbreviation !== undefined) {
    const what =
      fixedText === undefined
        ? "an abbreviation, not a place: which clock it follows depends on this machine's time zone data"
        : `an abbreviation ${fixedText}, with no summer time`;
    return `"${written}" is ${what}; ${didYouMean(abbreviation)}${hint}`;
  }
  // Old aliases (Japan, GB, Zulu): the database resolves them to the place (or UTC) they stand for.
  const canonical = new Intl.DateTimeFormat("en", { timeZone: written }).resolvedOptions().timeZone;
  const place = isPlaceName(canonical) ? canonical : closestZone(written);
  const meant = place === undefined ? WRITE_A_PLACE : `write ${place} instead`;
  return `"${written}" is an old alias the IANA tz database keeps only for compatibility; ${meant}${hint}`;
}
