import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import { addBusinessTime } from "../../../src/kernel/sla/index.js";
import { createSlaRuntime } from "../../../src/practices/incidents/sla/runtime.js";
import { problemsOf, yaml } from "./problems-of.js";

/** A calendar written the way an administrator would, open Monday to Friday. */
const calendarIn = (zone: string, ...extra: string[]) =>
  yaml(
    "calendars:",
    "  business:",
    `    timezone: ${zone}`,
    ...extra,
    "    hours: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] }",
  );

describe("GIVEN a calendar whose time zone is an abbreviation or a fixed offset", () => {
  it("THEN EST is refused at its line: it is fixed at UTC-05:00 all year, and New York is suggested", () => {
    expect(problemsOf(calendarIn("EST"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: "EST" is an abbreviation fixed at UTC-05:00 all year, with no summer time; did you mean America/New_York? (to keep "EST" anyway, add allowFixedOffset: true to this calendar)',
    ]);
  });

  it("THEN CET and PST are refused with the places people mean by them", () => {
    expect(problemsOf(calendarIn("CET"))).toEqual([
      `opsdesk.yaml:3:15 calendars.business.timezone: "CET" is an abbreviation, not a place: which clock it follows depends on this machine's time zone data; did you mean Europe/Paris or Europe/Berlin? (to keep "CET" anyway, add allowFixedOffset: true to this calendar)`,
    ]);
    expect(problemsOf(calendarIn("PST"))[0]).toMatch(
      /^opsdesk.yaml:3:15 calendars.business.timezone: "PST" is an abbreviation, not a place: .*; did you mean America\/Los_Angeles\?/,
    );
  });

  it("THEN Etc/GMT+5 is refused, saying it is UTC-05:00 (the tz database inverts the sign)", () => {
    expect(problemsOf(calendarIn("Etc/GMT+5"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: "Etc/GMT+5" is fixed at UTC-05:00 all year (the tz database inverts the sign of Etc/GMT names), not the clock of a place; write the place whose clock it follows, as an IANA Area/Location name like America/New_York, or UTC (to keep "Etc/GMT+5" anyway, add allowFixedOffset: true to this calendar)',
    ]);
  });

  it("THEN a written offset like UTC+3 is refused with the Etc name that keeps it, for a calendar that means it", () => {
    expect(problemsOf(calendarIn("UTC+3"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: "UTC+3" is a fixed offset, not a time zone: it never follows summer time; write the place whose clock it follows, as an IANA Area/Location name like America/New_York; for a calendar that really keeps UTC+03:00 all year, write Etc/GMT-3 (the tz database inverts the sign) and add allowFixedOffset: true',
    ]);
  });

  it("THEN an old alias like Japan is refused with its place name", () => {
    expect(problemsOf(calendarIn("Japan"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: "Japan" is an old alias the IANA tz database keeps only for compatibility; write Asia/Tokyo instead (to keep "Japan" anyway, add allowFixedOffset: true to this calendar)',
    ]);
  });

  it("THEN with allowFixedOffset: true the calendar keeps the zone as written", () => {
    const config = parseConfig(calendarIn("EST", "    allowFixedOffset: true"), "opsdesk.yaml");
    expect(config.calendars.business?.timezone).toBe("EST");
    const etc = parseConfig(calendarIn("Etc/GMT-3", "    allowFixedOffset: true"), "opsdesk.yaml");
    expect(etc.calendars.business?.timezone).toBe("Etc/GMT-3");
  });

  it("THEN an opted-in EST calendar opens at 09:00 UTC-05:00 all summer, an hour after New York does", () => {
    const opensAt = (zone: string, ...extra: string[]) =>
      addBusinessTime(
        createSlaRuntime(parseConfig(calendarIn(zone, ...extra), "opsdesk.yaml")).calendar("business"),
        // Friday 3 July 2026, 06:00 in New York (EDT, UTC-04:00): before opening either way.
        new Date("2026-07-03T10:00:00Z"),
        60_000,
      );
    expect(opensAt("America/New_York")).toEqual(new Date("2026-07-03T13:01:00Z"));
    expect(opensAt("EST", "    allowFixedOffset: true")).toEqual(new Date("2026-07-03T14:01:00Z"));
  });

  it("THEN allowFixedOffset must be true or false", () => {
    expect(problemsOf(calendarIn("EST", "    allowFixedOffset: yes please"))).toEqual([
      'opsdesk.yaml:4:23 calendars.business.allowFixedOffset: expected true or false, got "yes please"',
    ]);
  });
});

describe("GIVEN calendars on place names and on UTC", () => {
  it("THEN America/New_York, a link like US/Eastern, and UTC (a 24x7 desk on UTC is legitimate) all load", () => {
    expect(parseConfig(calendarIn("America/New_York"), "opsdesk.yaml").calendars.business?.timezone).toBe(
      "America/New_York",
    );
    expect(parseConfig(calendarIn("US/Eastern"), "opsdesk.yaml").calendars.business?.timezone).toBe(
      "US/Eastern",
    );
    expect(parseConfig(calendarIn("UTC"), "opsdesk.yaml").calendars.business?.timezone).toBe("UTC");
    expect(parseConfig(calendarIn("Etc/UTC"), "opsdesk.yaml").calendars.business?.timezone).toBe("Etc/UTC");
  });
});

describe("GIVEN a time zone nobody knows", () => {
  it("THEN a typo, a city alone, a space for an underscore and a summer abbreviation each get the zone meant", () => {
    expect(problemsOf(calendarIn("America/New_Yrok"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: expected an IANA time zone like Europe/Paris or UTC, got "America/New_Yrok"; did you mean America/New_York?',
    ]);
    expect(problemsOf(yaml("timezone: New York"))).toEqual([
      'opsdesk.yaml:1:11 timezone: expected an IANA time zone like Europe/Paris or UTC, got "New York"; did you mean America/New_York?',
    ]);
    expect(problemsOf(yaml("people:", "  - { id: ada, name: Ada, timezone: Asia/Kolkatta }"))).toEqual([
      'opsdesk.yaml:2:37 people[0].timezone: expected an IANA time zone like Europe/Paris or UTC, got "Asia/Kolkatta"; did you mean Asia/Kolkata?',
    ]);
    expect(problemsOf(calendarIn("PDT"))).toEqual([
      'opsdesk.yaml:3:15 calendars.business.timezone: expected an IANA time zone like Europe/Paris or UTC, got "PDT"; did you mean America/Los_Angeles?',
    ]);
  });

  it("THEN nothing is guessed when nothing is close", () => {
    expect(problemsOf(yaml("timezone: Mars/Olympus"))).toEqual([
      'opsdesk.yaml:1:11 timezone: expected an IANA time zone like Europe/Paris or UTC, got "Mars/Olympus"',
    ]);
  });
});

describe("GIVEN the desk's default time zone and people's time zones", () => {
  it("THEN the default refuses EST too, since calendars, blackouts and people inherit it, and points at the calendar opt-in", () => {
    expect(problemsOf(yaml("timezone: EST"))).toEqual([
      'opsdesk.yaml:1:11 timezone: "EST" is an abbreviation fixed at UTC-05:00 all year, with no summer time; did you mean America/New_York? (a calendar that really keeps one offset all year names it as its own timezone, with allowFixedOffset: true)',
    ]);
  });

  it("THEN a person's GMT is refused with London or UTC, with no opt-in offered", () => {
    expect(problemsOf(yaml("people:", "  - { id: ada, name: Ada, timezone: GMT }"))).toEqual([
      'opsdesk.yaml:2:37 people[0].timezone: "GMT" is an abbreviation fixed at UTC+00:00 all year, with no summer time; did you mean Europe/London or UTC?',
    ]);
  });

  it("THEN UTC stays the default and is accepted as written", () => {
    expect(parseConfig(yaml("timezone: UTC"), "opsdesk.yaml").timezone).toBe("UTC");
  });
});
