import { validate } from "node-cron";
import { describe, expect, it } from "vitest";
import { parseRunKey, runKey } from "../../../src/scheduler/coordinator.js";
import { IntervalError, parseInterval, slotAt } from "../../../src/scheduler/interval.js";

describe("GIVEN an interval written in the configuration", () => {
  it("THEN seconds, minutes and hours become a node-cron expression firing at each slot", () => {
    expect(parseInterval("30s")).toEqual({ text: "30s", ms: 30_000, cron: "*/30 * * * * *" });
    expect(parseInterval("every 1s")).toEqual({ text: "1s", ms: 1_000, cron: "* * * * * *" });
    expect(parseInterval(" 5m ")).toEqual({ text: "5m", ms: 300_000, cron: "0 */5 * * * *" });
    expect(parseInterval("1H")).toEqual({ text: "1h", ms: 3_600_000, cron: "0 0 * * * *" });
    expect(parseInterval("6h").cron).toBe("0 0 */6 * * *");
    for (const written of ["1s", "15s", "30s", "1m", "20m", "1h", "12h"]) {
      expect(validate(parseInterval(written).cron)).toBe(true);
    }
  });

  it("THEN an interval that does not divide its minute, hour or day says which would", () => {
    expect(() => parseInterval("45s")).toThrow(IntervalError);
    expect(() => parseInterval("45s")).toThrow("45s does not divide a minute evenly; use one of 1s, 2s, 3s");
    expect(() => parseInterval("7m")).toThrow("does not divide an hour evenly");
    expect(() => parseInterval("5h")).toThrow(
      "does not divide a day evenly; use one of 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h",
    );
    expect(() => parseInterval("0s")).toThrow(IntervalError);
  });

  it("THEN anything else is refused with the expected form", () => {
    for (const written of ["", "30", "2d", "PT30S", "every thirty seconds", "1.5m"]) {
      expect(() => parseInterval(written)).toThrow("expected an interval like 30s, 5m or 1h");
    }
  });
});

describe("GIVEN an instant", () => {
  it("THEN its slot is the latest interval boundary at or before it, the same on every replica", () => {
    const every30s = parseInterval("30s");
    expect(slotAt(new Date("2026-11-02T09:00:29.999Z"), every30s)).toEqual(new Date("2026-11-02T09:00:00Z"));
    expect(slotAt(new Date("2026-11-02T09:00:30.000Z"), every30s)).toEqual(new Date("2026-11-02T09:00:30Z"));
    expect(slotAt(new Date("2026-11-02T09:59:59Z"), parseInterval("1h"))).toEqual(
      new Date("2026-11-02T09:00:00Z"),
    );
    expect(slotAt(new Date("2026-11-02T13:10:00Z"), parseInterval("6h"))).toEqual(
      new Date("2026-11-02T12:00:00Z"),
    );
  });

  it("THEN node-cron's run key names the job and the slot, and reads back", () => {
    const slot = new Date("2026-11-02T09:00:30Z");
    expect(runKey("sla-sweep", slot)).toBe("sla-sweep:2026-11-02T09:00:30.000Z");
    expect(parseRunKey(runKey("sla-sweep", slot))).toEqual({ job: "sla-sweep", slot });
    expect(() => parseRunKey("no-slot-here")).toThrow("not a scheduled run key");
  });
});
