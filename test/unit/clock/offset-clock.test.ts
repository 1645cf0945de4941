import { describe, expect, it } from "vitest";
import { ManualClock, OffsetClock } from "../../../src/kernel/clock.js";

describe("GIVEN the console's shiftable clock over a base clock", () => {
  it("THEN it runs with the base clock, ahead by everything it was advanced", () => {
    const base = new ManualClock("2026-11-02T09:00:00Z");
    const clock = new OffsetClock(base, 60_000);
    expect(clock.now().toISOString()).toBe("2026-11-02T09:01:00.000Z");
    base.advance(1000);
    clock.advance(3_600_000);
    expect(clock.now().toISOString()).toBe("2026-11-02T10:01:01.000Z");
    expect(clock.offsetMs).toBe(3_660_000);
  });

  it("THEN listeners hear each jump with the new time, until they stop listening", () => {
    const clock = new OffsetClock(new ManualClock("2026-11-02T09:00:00Z"));
    const heard: string[] = [];
    const stop = clock.onAdvance((now) => heard.push(now.toISOString()));
    clock.advance(60_000);
    stop();
    clock.advance(60_000);
    expect(heard).toEqual(["2026-11-02T09:01:00.000Z"]);
  });

  it("THEN time never moves backwards", () => {
    const clock = new OffsetClock(new ManualClock("2026-11-02T09:00:00Z"));
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(0)).toThrow(RangeError);
    expect(() => new OffsetClock(clock, -5)).toThrow(RangeError);
  });
});
