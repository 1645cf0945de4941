import { describe, expect, it } from "vitest";
import { countdownText, recoveryText, warningDue } from "../../../src/practices/continuity/countdown.js";
import type { RunSnapshot } from "../../../src/practices/continuity/model.js";

const startedAt = new Date("2026-11-02T09:00:00Z");
const run = {
  startedAt,
  rtoMinutes: 240,
  mtdMinutes: 480,
  recoveryMinutes: null,
} as unknown as RunSnapshot;
const minutesIn = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);

describe("GIVEN a recovery against an RTO of 4h and an MTD of 8h", () => {
  it("THEN the countdown says what is left of each, then by how much each was exceeded", () => {
    expect(countdownText(run, minutesIn(0))).toBe(
      "0m elapsed · RTO 4h 00m: 4h 00m left · MTD 8h 00m: 8h 00m left",
    );
    expect(countdownText(run, minutesIn(250))).toBe(
      "4h 10m elapsed · RTO 4h 00m: exceeded by 10m · MTD 8h 00m: 3h 50m left",
    );
  });

  it("THEN the warning due is the highest of 50, 75 and 90 % of the RTO reached", () => {
    expect([119, 120, 179, 180, 215, 216, 600].map((m) => warningDue(run, minutesIn(m)))).toEqual([
      0, 50, 50, 75, 75, 90, 90,
    ]);
  });

  it("THEN the recorded time says whether each objective was met", () => {
    expect(recoveryText({ ...run, recoveryMinutes: 300 })).toBe(
      "Recovered in 5h 00m: RTO 4h 00m missed, MTD 8h 00m met",
    );
  });
});
