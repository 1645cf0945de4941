import { describe, expect, it } from "vitest";
import {
  addBusinessTimeExcluding,
  businessElapsedExcluding,
  compileCalendar,
} from "../../../src/kernel/sla/index.js";
import { at, berlinOffice, HOUR } from "./calendars.js";

// January 2025, Berlin CET (local = Z + 1h); Mon 2025-01-06, 09:00-17:00.
const office = compileCalendar(berlinOffice);
const start = at("2025-01-06T08:00:00Z");

describe("GIVEN a pause inside working hours", () => {
  const pauses = [{ from: at("2025-01-06T09:00:00Z"), to: at("2025-01-06T10:00:00Z") }];

  it("THEN elapsed business time leaves the paused hour out", () => {
    expect(businessElapsedExcluding(office, start, at("2025-01-06T12:00:00Z"), pauses)).toBe(3 * HOUR);
  });

  it("THEN due is extended by the paused business time", () => {
    // 4h target from 09:00 with 10:00-11:00 paused → 14:00.
    expect(addBusinessTimeExcluding(office, start, 4 * HOUR, pauses)).toEqual(at("2025-01-06T13:00:00Z"));
  });
});

describe("GIVEN a pause outside working hours", () => {
  it("THEN it changes nothing, because nothing was accruing", () => {
    const pauses = [{ from: at("2025-01-06T17:00:00Z"), to: at("2025-01-07T07:00:00Z") }];
    expect(addBusinessTimeExcluding(office, start, 10 * HOUR, pauses)).toEqual(at("2025-01-07T10:00:00Z"));
  });
});

describe("GIVEN a pause that spans a night and part of the next day", () => {
  it("THEN only the paused working time is added to due", () => {
    // 8h target from Mon 09:00; paused Mon 16:00 to Tue 11:00 (1h Mon + 2h Tue paused): 7h accrue on
    // Monday, the last hour Tue 11:00-12:00, 3h later than the unpaused due (Tue 09:00).
    const pauses = [{ from: at("2025-01-06T15:00:00Z"), to: at("2025-01-07T10:00:00Z") }];
    expect(addBusinessTimeExcluding(office, start, 8 * HOUR, pauses)).toEqual(at("2025-01-07T11:00:00Z"));
    expect(businessElapsedExcluding(office, start, at("2025-01-07T11:00:00Z"), pauses)).toBe(8 * HOUR);
  });
});

describe("GIVEN overlapping pauses (two hold reasons at once)", () => {
  it("THEN the overlap stops the clock once, not twice", () => {
    const pauses = [
      { from: at("2025-01-06T09:00:00Z"), to: at("2025-01-06T11:00:00Z") },
      { from: at("2025-01-06T10:00:00Z"), to: at("2025-01-06T12:00:00Z") },
    ];
    expect(businessElapsedExcluding(office, start, at("2025-01-06T16:00:00Z"), pauses)).toBe(5 * HOUR);
    expect(addBusinessTimeExcluding(office, start, 4 * HOUR, pauses)).toEqual(at("2025-01-06T15:00:00Z"));
  });
});

describe("GIVEN an open pause (still on hold)", () => {
  const pauses = [{ from: at("2025-01-06T10:00:00Z"), to: null }];

  it("THEN elapsed stops growing when the pause began", () => {
    expect(businessElapsedExcluding(office, start, at("2025-01-08T12:00:00Z"), pauses)).toBe(2 * HOUR);
  });

  it("THEN there is no due time while the clock is stopped", () => {
    expect(addBusinessTimeExcluding(office, start, 4 * HOUR, pauses)).toBeNull();
  });

  it("THEN a target reached before the pause still has its due time", () => {
    expect(addBusinessTimeExcluding(office, start, HOUR, pauses)).toEqual(at("2025-01-06T09:00:00Z"));
  });

  it("THEN a target reached exactly when the pause begins is due at that instant", () => {
    expect(addBusinessTimeExcluding(office, start, 2 * HOUR, pauses)).toEqual(at("2025-01-06T10:00:00Z"));
  });
});

describe("GIVEN a pause that began before the start", () => {
  it("THEN the clock starts when the pause ends", () => {
    const pauses = [{ from: at("2025-01-06T07:00:00Z"), to: at("2025-01-06T10:00:00Z") }];
    expect(addBusinessTimeExcluding(office, start, HOUR, pauses)).toEqual(at("2025-01-06T11:00:00Z"));
  });
});

describe("GIVEN a pause that ends before it begins", () => {
  it("THEN it is rejected as a programming error", () => {
    const pauses = [{ from: at("2025-01-06T10:00:00Z"), to: at("2025-01-06T09:00:00Z") }];
    expect(() => businessElapsedExcluding(office, start, at("2025-01-06T12:00:00Z"), pauses)).toThrow(
      RangeError,
    );
  });
});
