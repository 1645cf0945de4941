import { describe, expect, it } from "vitest";
import { compileCalendar, defaultWarningThresholds, warningInstants } from "../../../src/kernel/sla/index.js";
import { at, berlinOffice, HOUR } from "./calendars.js";

// Mon 2025-01-06 09:00 CET (08:00Z), 09:00-17:00.
const office = compileCalendar(berlinOffice);
const start = at("2025-01-06T08:00:00Z");

describe("GIVEN an 8h target and the default thresholds", () => {
  it("THEN warnings fall at 50%, 75% and 90% of the business time", () => {
    expect(defaultWarningThresholds).toEqual([0.5, 0.75, 0.9]);
    expect(warningInstants(office, start, 8 * HOUR)).toEqual([
      { threshold: 0.5, at: at("2025-01-06T12:00:00Z") },
      { threshold: 0.75, at: at("2025-01-06T14:00:00Z") },
      { threshold: 0.9, at: at("2025-01-06T15:12:00Z") },
    ]);
  });
});

describe("GIVEN a 4h target that crosses the night", () => {
  it("THEN a threshold reached the next morning is placed in working hours", () => {
    // Mon 15:00 start; 75% = 3h → 2h Mon, 1h Tue → Tue 10:00.
    const [warning] = warningInstants(office, at("2025-01-06T14:00:00Z"), 4 * HOUR, { thresholds: [0.75] });
    expect(warning?.at).toEqual(at("2025-01-07T09:00:00Z"));
  });
});

describe("GIVEN pauses", () => {
  it("THEN thresholds move by the paused business time, and an open pause leaves them unset", () => {
    const pauses = [{ from: at("2025-01-06T09:00:00Z"), to: at("2025-01-06T10:00:00Z") }];
    expect(warningInstants(office, start, 8 * HOUR, { thresholds: [0.5], pauses })[0]?.at).toEqual(
      at("2025-01-06T13:00:00Z"),
    );
    const open = [{ from: at("2025-01-06T09:00:00Z"), to: null }];
    expect(warningInstants(office, start, 8 * HOUR, { thresholds: [0.5], pauses: open })[0]?.at).toBeNull();
  });
});

describe("GIVEN a threshold outside (0, 1]", () => {
  it("THEN it is rejected", () => {
    expect(() => warningInstants(office, start, HOUR, { thresholds: [0] })).toThrow(RangeError);
    expect(() => warningInstants(office, start, HOUR, { thresholds: [1.5] })).toThrow(RangeError);
  });
});
