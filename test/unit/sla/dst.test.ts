import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  businessElapsed,
  type CalendarDefinition,
  compileCalendar,
  twentyFourSeven,
} from "../../../src/kernel/sla/index.js";
import {
  at,
  berlin24x7,
  berlinOffice,
  HOUR,
  MINUTE,
  newYork24x7,
  newYorkOffice,
  sundayNight,
} from "./calendars.js";
import { MinuteOracle } from "./minute-oracle.js";

// 2025 transitions. Berlin: Sun 30 Mar 02:00 CET → 03:00 CEST (01:00Z); Sun 26 Oct 03:00 CEST → 02:00 CET
// (01:00Z). New York: Sun 9 Mar 02:00 EST → 03:00 EDT (07:00Z); Sun 2 Nov 02:00 EDT → 01:00 EST (06:00Z).

describe("GIVEN a 09:00-17:00 calendar in Europe/Berlin", () => {
  const office = compileCalendar(berlinOffice);

  it("THEN across the spring change Monday still opens at 09:00 local (now UTC+2)", () => {
    // Fri 28 Mar 16:00 CET + 2h → Mon 31 Mar 10:00 CEST.
    expect(addBusinessTime(office, at("2025-03-28T15:00:00Z"), 2 * HOUR)).toEqual(at("2025-03-31T08:00:00Z"));
    expect(businessElapsed(office, at("2025-03-28T08:00:00Z"), at("2025-03-31T15:00:00Z"))).toBe(16 * HOUR);
  });

  it("THEN across the autumn change Monday still opens at 09:00 local (now UTC+1)", () => {
    // Fri 24 Oct 16:00 CEST + 2h → Mon 27 Oct 10:00 CET.
    expect(addBusinessTime(office, at("2025-10-24T14:00:00Z"), 2 * HOUR)).toEqual(at("2025-10-27T09:00:00Z"));
    expect(businessElapsed(office, at("2025-10-24T07:00:00Z"), at("2025-10-27T16:00:00Z"))).toBe(16 * HOUR);
  });
});

describe("GIVEN a 09:00-17:00 calendar in America/New_York", () => {
  const office = compileCalendar(newYorkOffice);

  it("THEN across the spring change Monday still opens at 09:00 local (now UTC-4)", () => {
    // Fri 7 Mar 16:00 EST + 2h → Mon 10 Mar 10:00 EDT.
    expect(addBusinessTime(office, at("2025-03-07T21:00:00Z"), 2 * HOUR)).toEqual(at("2025-03-10T14:00:00Z"));
  });

  it("THEN across the autumn change Monday still opens at 09:00 local (now UTC-5)", () => {
    // Fri 31 Oct 16:00 EDT + 2h → Mon 3 Nov 10:00 EST.
    expect(addBusinessTime(office, at("2025-10-31T20:00:00Z"), 2 * HOUR)).toEqual(at("2025-11-03T15:00:00Z"));
  });
});

describe("GIVEN a 24×7 calendar", () => {
  const berlin = compileCalendar(berlin24x7);
  const newYork = compileCalendar(newYork24x7);

  it("THEN the Berlin spring day has 23 business hours and the autumn day 25", () => {
    expect(businessElapsed(berlin, at("2025-03-29T23:00:00Z"), at("2025-03-30T22:00:00Z"))).toBe(23 * HOUR);
    expect(businessElapsed(berlin, at("2025-10-25T22:00:00Z"), at("2025-10-26T23:00:00Z"))).toBe(25 * HOUR);
  });

  it("THEN the New York spring day has 23 business hours and the autumn day 25", () => {
    expect(businessElapsed(newYork, at("2025-03-09T05:00:00Z"), at("2025-03-10T04:00:00Z"))).toBe(23 * HOUR);
    expect(businessElapsed(newYork, at("2025-11-02T04:00:00Z"), at("2025-11-03T05:00:00Z"))).toBe(25 * HOUR);
  });

  it("THEN business time added across a change is real time", () => {
    expect(addBusinessTime(berlin, at("2025-03-29T22:30:00Z"), 5 * HOUR)).toEqual(at("2025-03-30T03:30:00Z"));
    expect(addBusinessTime(berlin, at("2025-10-25T22:30:00Z"), 5 * HOUR)).toEqual(at("2025-10-26T03:30:00Z"));
    expect(addBusinessTime(newYork, at("2025-03-09T04:30:00Z"), 5 * HOUR)).toEqual(
      at("2025-03-09T09:30:00Z"),
    );
    expect(addBusinessTime(newYork, at("2025-11-02T04:30:00Z"), 5 * HOUR)).toEqual(
      at("2025-11-02T09:30:00Z"),
    );
  });
});

describe("GIVEN working hours whose boundaries fall in the spring-forward gap (times that never happen)", () => {
  it("THEN Berlin 01:00-04:00 on the change night is 2 real hours (02:00-03:00 never happens)", () => {
    const calendar = compileCalendar(sundayNight("Europe/Berlin", ["01:00", "04:00"]));
    expect(businessElapsed(calendar, at("2025-03-29T12:00:00Z"), at("2025-03-30T12:00:00Z"))).toBe(2 * HOUR);
  });

  it("THEN a start in the gap (02:30) takes effect when the clock jumps to 03:00", () => {
    const calendar = compileCalendar(sundayNight("Europe/Berlin", ["02:30", "04:00"]));
    // Opens at 01:00Z (the jump), closes 04:00 CEST = 02:00Z.
    expect(addBusinessTime(calendar, at("2025-03-29T12:00:00Z"), 30 * MINUTE)).toEqual(
      at("2025-03-30T01:30:00Z"),
    );
    expect(businessElapsed(calendar, at("2025-03-29T12:00:00Z"), at("2025-03-30T12:00:00Z"))).toBe(HOUR);
  });

  it("THEN an interval wholly inside the gap is empty that night and work moves to the next week", () => {
    const calendar = compileCalendar(sundayNight("Europe/Berlin", ["02:15", "02:45"]));
    expect(businessElapsed(calendar, at("2025-03-29T12:00:00Z"), at("2025-03-30T12:00:00Z"))).toBe(0);
    // Next Sunday 6 Apr 02:15 CEST = 00:15Z; +15m → 00:30Z.
    expect(addBusinessTime(calendar, at("2025-03-30T00:00:00Z"), 15 * MINUTE)).toEqual(
      at("2025-04-06T00:30:00Z"),
    );
  });

  it("THEN New York 01:00-04:00 on the change night is 2 real hours", () => {
    const calendar = compileCalendar(sundayNight("America/New_York", ["01:00", "04:00"]));
    expect(businessElapsed(calendar, at("2025-03-09T00:00:00Z"), at("2025-03-10T00:00:00Z"))).toBe(2 * HOUR);
    // 01:00 EST = 06:00Z; 1h → 07:00Z = 02:00 EST = 03:00 EDT, the jump; +30m more = 07:30Z.
    expect(addBusinessTime(calendar, at("2025-03-09T00:00:00Z"), 90 * MINUTE)).toEqual(
      at("2025-03-09T07:30:00Z"),
    );
  });
});

describe("GIVEN working hours over the fall-back hour (times that happen twice)", () => {
  it("THEN Berlin 01:00-04:00 on the change night is 4 real hours (02:00-03:00 is worked twice)", () => {
    const calendar = compileCalendar(sundayNight("Europe/Berlin", ["01:00", "04:00"]));
    expect(businessElapsed(calendar, at("2025-10-25T12:00:00Z"), at("2025-10-26T12:00:00Z"))).toBe(4 * HOUR);
  });

  it("THEN an interval ending at 02:30 counts both times the clock shows 02:00-02:30", () => {
    const calendar = compileCalendar(sundayNight("Europe/Berlin", ["00:00", "02:30"]));
    // 00:00 CEST = 22:00Z … 02:30 CEST = 00:30Z, then 02:00 CET = 01:00Z … 02:30 CET = 01:30Z.
    expect(businessElapsed(calendar, at("2025-10-25T12:00:00Z"), at("2025-10-26T12:00:00Z"))).toBe(3 * HOUR);
    expect(addBusinessTime(calendar, at("2025-10-25T22:00:00Z"), 150 * MINUTE)).toEqual(
      at("2025-10-26T00:30:00Z"),
    );
    // Between the first 02:30 and the second 02:00 (00:30Z-01:00Z) the clock shows 02:30-03:00: closed.
    expect(addBusinessTime(calendar, at("2025-10-25T22:00:00Z"), 165 * MINUTE)).toEqual(
      at("2025-10-26T01:15:00Z"),
    );
  });

  it("THEN New York 00:00-03:00 on the change night is 4 real hours (01:00-02:00 is worked twice)", () => {
    const calendar = compileCalendar(sundayNight("America/New_York", ["00:00", "03:00"]));
    // 00:00 EDT = 04:00Z … 03:00 EST = 08:00Z.
    expect(businessElapsed(calendar, at("2025-11-01T12:00:00Z"), at("2025-11-02T12:00:00Z"))).toBe(4 * HOUR);
    expect(addBusinessTime(calendar, at("2025-11-02T04:00:00Z"), 4 * HOUR)).toEqual(
      at("2025-11-02T08:00:00Z"),
    );
  });
});

describe("GIVEN zones with unusual transitions (Santiago changes at midnight, Lord Howe by 30 minutes, Apia skipped 30 Dec 2011)", () => {
  const unusual: ReadonlyArray<readonly [CalendarDefinition, string]> = [
    [
      {
        timezone: "America/Santiago",
        hours: { sat: [["22:00", "24:00"]], sun: [["00:00", "02:00"]], mon: [["09:00", "10:00"]] },
        holidays: [],
      },
      "2025-04-05T20:00:00Z",
    ],
    [twentyFourSeven("America/Santiago"), "2025-09-06T20:00:00Z"],
    [
      { timezone: "Australia/Lord_Howe", hours: { sun: [["01:00", "03:00"]] }, holidays: [] },
      "2025-10-04T12:00:00Z",
    ],
    [twentyFourSeven("Pacific/Apia"), "2011-12-29T00:00:00Z"],
  ];

  it.each(unusual)(
    "THEN %# agrees with the minute-by-minute reference around the change",
    (definition, iso) => {
      const calendar = compileCalendar(definition);
      const oracle = new MinuteOracle(definition);
      const start = Date.parse(iso);
      for (let minutes = 0; minutes <= 3 * 24 * 60; minutes += 137) {
        const end = start + minutes * MINUTE;
        expect(businessElapsed(calendar, new Date(start), new Date(end))).toBe(oracle.elapsed(start, end));
      }
      for (let minutes = 0; minutes <= 4 * 60; minutes += 17) {
        expect(addBusinessTime(calendar, new Date(start), minutes * MINUTE).getTime()).toBe(
          oracle.due(start, minutes * MINUTE),
        );
      }
    },
  );
});
