import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../src/kernel/errors.js";
import { businessElapsed, compileCalendar } from "../../../src/kernel/sla/index.js";
import { at, berlinOffice, HOUR } from "./calendars.js";

function compileError(definition: Parameters<typeof compileCalendar>[0]): ValidationError {
  try {
    compileCalendar(definition, "support");
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("GIVEN a calendar definition from the configuration", () => {
  it("THEN a valid one compiles and keeps its name and zone", () => {
    const calendar = compileCalendar(berlinOffice, "office");
    expect(calendar.name).toBe("office");
    expect(calendar.timezone).toBe("Europe/Berlin");
  });

  it("THEN an unknown time zone is rejected with an example of a valid one", () => {
    expect(compileError({ ...berlinOffice, timezone: "Mars/Olympus" }).userMessage).toMatch(
      /"Mars\/Olympus" is not an IANA time zone.*Europe\/Berlin/,
    );
  });

  it("THEN a malformed wall time names the day and the expected format", () => {
    const error = compileError({ ...berlinOffice, hours: { mon: [["9am", "17:00"]] } });
    expect(error.userMessage).toMatch(/"support", mon: "9am-17:00".*\["HH:MM", "HH:MM"\]/);
  });

  it("THEN an interval may end at 24:00 but not start there", () => {
    expect(() => compileCalendar({ ...berlinOffice, hours: { mon: [["18:00", "24:00"]] } })).not.toThrow();
    expect(compileError({ ...berlinOffice, hours: { mon: [["24:00", "24:00"]] } }).code).toBe(
      "validation_failed",
    );
  });

  it("THEN an interval that ends before it starts is rejected with the advice to split it", () => {
    expect(compileError({ ...berlinOffice, hours: { fri: [["22:00", "06:00"]] } }).userMessage).toMatch(
      /cannot cross midnight/,
    );
  });

  it("THEN overlapping intervals on one day are rejected", () => {
    const hours = {
      tue: [
        ["09:00", "13:00"],
        ["12:00", "17:00"],
      ],
    } as const;
    expect(compileError({ ...berlinOffice, hours }).userMessage).toMatch(
      /09:00-13:00 and 12:00-17:00 overlap/,
    );
  });

  it("THEN touching intervals are one working period", () => {
    const calendar = compileCalendar({
      ...berlinOffice,
      hours: {
        mon: [
          ["13:00", "17:00"],
          ["09:00", "13:00"],
        ],
      },
    });
    // Monday 2025-01-06 09:00-17:00 CET.
    expect(businessElapsed(calendar, at("2025-01-06T08:00:00Z"), at("2025-01-06T16:00:00Z"))).toBe(8 * HOUR);
  });

  it("THEN a calendar without any working hours is rejected because its clock would never move", () => {
    expect(compileError({ ...berlinOffice, hours: {} }).userMessage).toMatch(/has no working hours/);
  });

  it("THEN an unknown weekday key is rejected", () => {
    const hours = { monday: [["09:00", "17:00"]] } as unknown as Parameters<
      typeof compileCalendar
    >[0]["hours"];
    expect(compileError({ ...berlinOffice, hours }).userMessage).toMatch(/"monday" is not a weekday/);
  });

  it("THEN a holiday that is not a real date is rejected", () => {
    expect(compileError({ ...berlinOffice, holidays: ["2025-02-30"] }).userMessage).toMatch(
      /holiday "2025-02-30" is not a date.*YYYY-MM-DD/,
    );
  });
});
