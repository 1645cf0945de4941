// Invariants of the clock model over random calendars, starts, targets and pauses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dueAt,
  elapsedAt,
  nextAlertAt,
  pauseClock,
  resumeClock,
  type SlaClockState,
  startClock,
  takeDueAlerts,
} from "../../../../src/kernel/sla/clock/index.js";
import { compileCalendar } from "../../../../src/kernel/sla/index.js";
import { allFixtures, HOUR, MINUTE } from "../calendars.js";

const calendars = allFixtures.map(([name, definition]) => compileCalendar(definition, name));
const anyCalendar = fc.constantFrom(...calendars);
const anyStart = fc
  .integer({
    min: Date.parse("2025-01-01T00:00:00Z") / MINUTE,
    max: Date.parse("2026-12-31T00:00:00Z") / MINUTE,
  })
  .map((minutes) => minutes * MINUTE);
const anyTarget = fc.integer({ min: 1, max: 200 * HOUR });
/** Closed pauses as (offset after the previous event, length), so they are in order like real holds. */
const anyPauses = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 3 * 24 * HOUR }),
    length: fc.integer({ min: 0, max: 3 * 24 * HOUR }),
  }),
  { maxLength: 4 },
);

function clockWith(start: number, target: number, pauses: ReadonlyArray<{ gap: number; length: number }>) {
  let clock: SlaClockState = startClock(
    "resolution",
    1,
    { targetMs: target, thresholds: [50, 75, 90] },
    start,
  );
  let cursor = start;
  for (const { gap, length } of pauses) {
    clock = pauseClock(clock, cursor + gap);
    clock = resumeClock(clock, cursor + gap + length);
    cursor += gap + length;
  }
  return clock;
}

describe("GIVEN any clock", () => {
  it("THEN due is monotonic in the target", () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyTarget, anyTarget, anyPauses, (calendar, start, a, b, pauses) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = dueAt(calendar, clockWith(start, low, pauses));
        const late = dueAt(calendar, clockWith(start, high, pauses));
        expect(early).not.toBeNull();
        expect(early ?? 0).toBeLessThanOrEqual(late ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it("THEN adding a pause never makes due earlier", () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyTarget, anyPauses, (calendar, start, target, pauses) => {
        const without = dueAt(calendar, clockWith(start, target, pauses.slice(0, -1)));
        const withPause = dueAt(calendar, clockWith(start, target, pauses));
        expect(withPause ?? 0).toBeGreaterThanOrEqual(without ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it("THEN elapsed at the due instant is exactly the target", () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyTarget, anyPauses, (calendar, start, target, pauses) => {
        const clock = clockWith(start, target, pauses);
        const due = dueAt(calendar, clock);
        expect(due).not.toBeNull();
        expect(elapsedAt(calendar, clock, due ?? 0)).toBe(target);
      }),
      { numRuns: 200 },
    );
  });

  it("THEN sweeping at any instants fires each threshold at most once and all of them by the due instant", () => {
    const sweeps = fc.array(fc.integer({ min: 0, max: 30 * 24 * HOUR }), { maxLength: 6 });
    fc.assert(
      fc.property(anyCalendar, anyStart, anyTarget, sweeps, (calendar, start, target, offsets) => {
        let clock = clockWith(start, target, []);
        const due = dueAt(calendar, clock) ?? 0;
        const seen: number[] = [];
        for (const at of [...offsets.map((offset) => start + offset).sort((a, b) => a - b), due]) {
          const taken = takeDueAlerts(calendar, clock, at);
          for (const alert of taken.alerts) expect(alert.reachedAt).toBeLessThanOrEqual(at);
          seen.push(...taken.alerts.map((alert) => alert.percent));
          clock = taken.state;
        }
        expect(seen.sort((a, b) => a - b)).toEqual([50, 75, 90, 100]);
        expect(clock.breached).toBe(true);
        expect(nextAlertAt(calendar, clock)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
