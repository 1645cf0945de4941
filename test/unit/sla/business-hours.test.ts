import { describe, expect, it } from "vitest";
import { addBusinessTime, businessElapsed, compileCalendar } from "../../../src/kernel/sla/index.js";
import { at, berlinOffice, berlinSplitShift, HOUR, MINUTE } from "./calendars.js";
import { MinuteOracle } from "./minute-oracle.js";

// January 2025 in Berlin is CET (UTC+1): local = Z + 1h. 2025-01-06 is a Monday.
const office = compileCalendar(berlinOffice);
const split = compileCalendar(berlinSplitShift);

describe("GIVEN a split-shift calendar (08:00-12:00 and 13:00-17:00)", () => {
  it("THEN the lunch break accrues nothing", () => {
    // Mon 11:00 + 2h = 1h before lunch, 1h after → 14:00.
    expect(addBusinessTime(split, at("2025-01-06T10:00:00Z"), 2 * HOUR)).toEqual(at("2025-01-06T13:00:00Z"));
    expect(businessElapsed(split, at("2025-01-06T07:00:00Z"), at("2025-01-06T16:00:00Z"))).toBe(8 * HOUR);
  });

  it("THEN a ticket opened during lunch starts accruing at 13:00", () => {
    expect(addBusinessTime(split, at("2025-01-06T11:30:00Z"), 30 * MINUTE)).toEqual(
      at("2025-01-06T12:30:00Z"),
    );
  });

  it("THEN a target that ends exactly at the lunch break is due at 12:00, not 13:00", () => {
    expect(addBusinessTime(split, at("2025-01-06T07:00:00Z"), 4 * HOUR)).toEqual(at("2025-01-06T11:00:00Z"));
  });

  it("THEN a 1 May holiday (a Thursday) is skipped", () => {
    // Wed 2025-04-30 16:00 CEST + 2h → 1h Wed, Thu off, 1h Fri → Fri 09:00 CEST = 07:00Z.
    expect(addBusinessTime(split, at("2025-04-30T14:00:00Z"), 2 * HOUR)).toEqual(at("2025-05-02T07:00:00Z"));
  });
});

describe("GIVEN a ticket opened outside working hours", () => {
  it("THEN it accrues nothing until the next opening (early morning)", () => {
    // Mon 06:00 + 1h → 10:00.
    expect(addBusinessTime(office, at("2025-01-06T05:00:00Z"), HOUR)).toEqual(at("2025-01-06T09:00:00Z"));
    expect(businessElapsed(office, at("2025-01-06T05:00:00Z"), at("2025-01-06T08:00:00Z"))).toBe(0);
  });

  it("THEN an evening ticket waits for the next working morning", () => {
    // Tue 20:00 + 30m → Wed 09:30.
    expect(addBusinessTime(office, at("2025-01-07T19:00:00Z"), 30 * MINUTE)).toEqual(
      at("2025-01-08T08:30:00Z"),
    );
  });

  it("THEN a target of 0 is due at the start itself, even outside hours", () => {
    expect(addBusinessTime(office, at("2025-01-11T12:34:56Z"), 0)).toEqual(at("2025-01-11T12:34:56Z"));
  });
});

describe("GIVEN a weekend between start and due", () => {
  it("THEN Saturday and Sunday accrue nothing", () => {
    // Fri 2025-01-10 16:00 + 2h → 1h Fri, Mon 10:00.
    expect(addBusinessTime(office, at("2025-01-10T15:00:00Z"), 2 * HOUR)).toEqual(at("2025-01-13T09:00:00Z"));
    expect(businessElapsed(office, at("2025-01-10T16:00:00Z"), at("2025-01-13T08:00:00Z"))).toBe(0);
  });

  it("THEN a ticket opened on Saturday starts on Monday morning", () => {
    expect(addBusinessTime(office, at("2025-01-11T10:00:00Z"), HOUR)).toEqual(at("2025-01-13T09:00:00Z"));
  });
});

describe("GIVEN holidays (25 and 26 December, 1 January)", () => {
  it("THEN the holidays are skipped like a weekend", () => {
    // Wed 2025-12-24 16:00 + 2h → 1h Wed, Thu+Fri holidays, weekend, Mon 29 10:00.
    expect(addBusinessTime(office, at("2025-12-24T15:00:00Z"), 2 * HOUR)).toEqual(at("2025-12-29T09:00:00Z"));
    expect(businessElapsed(office, at("2025-12-24T08:00:00Z"), at("2025-12-29T16:00:00Z"))).toBe(16 * HOUR);
  });

  it("THEN a 40h target spanning the holidays lands on the right day", () => {
    // Mon 22, Tue 23, Wed 24 = 24h; Thu/Fri off; Mon 29 = 32h; Tue 30 17:00 = 40h.
    expect(addBusinessTime(office, at("2025-12-22T08:00:00Z"), 40 * HOUR)).toEqual(
      at("2025-12-30T16:00:00Z"),
    );
  });

  it("THEN a 200h target spanning the holidays agrees with the minute-by-minute reference", () => {
    const start = at("2025-12-01T10:17:00Z");
    const due = addBusinessTime(office, start, 200 * HOUR);
    expect(due.getTime()).toBe(new MinuteOracle(berlinOffice).due(start.getTime(), 200 * HOUR));
    expect(businessElapsed(office, start, due)).toBe(200 * HOUR);
  });
});

describe("GIVEN a target that is reached exactly at closing time", () => {
  it("THEN due IS the closing time, not the next opening", () => {
    // Mon 09:00 + 8h → Mon 17:00.
    expect(addBusinessTime(office, at("2025-01-06T08:00:00Z"), 8 * HOUR)).toEqual(at("2025-01-06T16:00:00Z"));
  });

  it("THEN one more millisecond moves due to the next opening", () => {
    expect(addBusinessTime(office, at("2025-01-06T08:00:00Z"), 8 * HOUR + 1)).toEqual(
      at("2025-01-07T08:00:00.001Z"),
    );
  });

  it("THEN a Friday closing time stays on Friday", () => {
    expect(addBusinessTime(office, at("2025-01-10T12:00:00Z"), 4 * HOUR)).toEqual(at("2025-01-10T16:00:00Z"));
  });
});

describe("GIVEN businessElapsed with instants in either order", () => {
  it("THEN to before from is 0, never negative", () => {
    expect(businessElapsed(office, at("2025-01-07T12:00:00Z"), at("2025-01-06T12:00:00Z"))).toBe(0);
  });

  it("THEN a whole working week is 40h", () => {
    expect(businessElapsed(office, at("2025-01-05T00:00:00Z"), at("2025-01-12T00:00:00Z"))).toBe(40 * HOUR);
  });

  it("THEN an invalid date is a programming error (RangeError)", () => {
    expect(() => businessElapsed(office, new Date(Number.NaN), at("2025-01-06T12:00:00Z"))).toThrow(
      RangeError,
    );
    expect(() => addBusinessTime(office, at("2025-01-06T12:00:00Z"), -1)).toThrow(RangeError);
  });
});
