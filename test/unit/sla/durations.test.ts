import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../src/kernel/errors.js";
import { formatDuration, parseSlaDuration } from "../../../src/kernel/sla/index.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function rejection(text: string): string {
  try {
    parseSlaDuration(text);
  } catch (error) {
    if (error instanceof ValidationError) return error.userMessage;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe("GIVEN SLA targets written in hours, minutes and seconds", () => {
  it.each([
    ["15m", 15 * MINUTE],
    ["4h", 4 * HOUR],
    ["40h", 40 * HOUR],
    ["1h30m", 90 * MINUTE],
    ["1h 30m", 90 * MINUTE],
    [" 2 hours 5 min ", 125 * MINUTE],
    ["90s", 90_000],
    ["4H", 4 * HOUR],
  ])("THEN %s is read as %d ms", (text, expected) => {
    expect(parseSlaDuration(text)).toBe(expected);
  });
});

describe("GIVEN SLA targets written as ISO 8601 durations", () => {
  it.each([
    ["PT4H", 4 * HOUR],
    ["PT1H30M", 90 * MINUTE],
    ["PT15M", 15 * MINUTE],
    ["PT45S", 45_000],
    ["pt2h", 2 * HOUR],
  ])("THEN %s is read as %d ms", (text, expected) => {
    expect(parseSlaDuration(text)).toBe(expected);
  });
});

describe("GIVEN SLA targets in days or longer units", () => {
  it.each(["1d", "2 days", "1w", "P1D", "P1DT2H", "P1W"])(
    "THEN %s is rejected, explaining 8 versus 24 hours and asking for hours",
    (text) => {
      const message = rejection(text);
      expect(message).toMatch(/8 working hours.*24 hours on a 24×7 calendar/);
      expect(message).toMatch(/Write the target in hours instead/);
    },
  );

  it.each(["P1M", "P1Y", "3 months"])("THEN %s is rejected as having no fixed length", (text) => {
    expect(rejection(text)).toMatch(/months or years.*in hours instead/);
  });
});

describe("GIVEN SLA targets that are not usable", () => {
  it.each([
    ["0h", /is zero/],
    ["PT0M", /is zero/],
    ["-4h", /is negative/],
    ["", /is empty/],
    ["   ", /is empty/],
    ["4", /has no unit.*4h or 4m/],
    ["1.5h", /fraction.*1h30m/],
    ["PT1.5H", /fraction/],
    ["soon", /is not a duration.*PT4H/],
    ["4h4h", /is not a duration/],
    ["4 parsecs", /is not a duration/],
    ["P", /is not a duration/],
    ["PT", /is not a duration/],
    ["P1DT", /is not a duration/],
    ["20000h", /longer than 10000 hours/],
  ])("THEN %j is rejected with %s", (text, pattern) => {
    expect(rejection(text)).toMatch(pattern);
  });
});

describe("GIVEN a duration to show to people", () => {
  it.each([
    [200 * MINUTE, "3h 20m"],
    [4 * HOUR, "4h"],
    [45 * MINUTE, "45m"],
    [30_000, "30s"],
    [0, "0m"],
    [250 * HOUR + 5 * MINUTE, "250h 5m"],
    [59 * MINUTE + 59_999, "59m"],
    [-(65 * MINUTE), "-1h 5m"],
  ])("THEN %d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("THEN a parsed target formats back to the same amount", () => {
    expect(formatDuration(parseSlaDuration("PT1H30M"))).toBe("1h 30m");
  });
});
