import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  addBusinessTimeExcluding,
  businessElapsed,
  businessElapsedExcluding,
  compileCalendar,
  type SlaPause,
} from "../../../src/kernel/sla/index.js";
import { allFixtures, HOUR, MINUTE } from "./calendars.js";
import { MinuteOracle } from "./minute-oracle.js";

const fixtures = allFixtures.map(([name, definition]) => ({
  name,
  calendar: compileCalendar(definition, name),
  oracle: new MinuteOracle(definition),
}));

// DST changes in both zones, 2025-2026: starts are drawn near them half of the time.
const transitions = [
  "2025-03-09T07:00:00Z",
  "2025-03-30T01:00:00Z",
  "2025-10-26T01:00:00Z",
  "2025-11-02T06:00:00Z",
  "2026-03-08T07:00:00Z",
  "2026-03-29T01:00:00Z",
  "2026-10-25T01:00:00Z",
  "2026-11-01T06:00:00Z",
].map((iso) => Date.parse(iso));

const anyFixture = fc.constantFrom(...fixtures);
const minuteAlignedStart = fc
  .oneof(
    fc.integer({
      min: Date.parse("2025-01-01T00:00:00Z") / MINUTE,
      max: Date.parse("2026-12-31T00:00:00Z") / MINUTE,
    }),
    fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -4 * 24 * 60, max: 24 * 60 }))
      .map(([transition, minutes]) => transition / MINUTE + minutes),
  )
  .map((minutes) => minutes * MINUTE);
/** Any millisecond, to check the arithmetic is not secretly minute-bound. */
const anyStart = fc
  .tuple(minuteAlignedStart, fc.integer({ min: 0, max: MINUTE - 1 }))
  .map(([ms, extra]) => ms + extra);
const anyTarget = fc.integer({ min: 0, max: 200 * HOUR });
const pauseOffset = fc.integer({ min: -24 * HOUR, max: 10 * 24 * HOUR });
/** A pause that ended (or will end). */
const anyClosedPause = fc.record({ offset: pauseOffset, length: fc.integer({ min: 0, max: 3 * 24 * HOUR }) });
/** A pause still running: the clock stops for good from its start. */
const anyOpenPause = fc.record({ offset: pauseOffset, length: fc.constant(null) });

function pausesFrom(
  start: number,
  raw: ReadonlyArray<{ offset: number; length: number | null }>,
): SlaPause[] {
  return raw.map(({ offset, length }) => ({
    from: new Date(start + offset),
    to: length === null ? null : new Date(start + offset + length),
  }));
}

describe("GIVEN any calendar, start and business-time target", () => {
  it("THEN due is monotonic in the target", () => {
    fc.assert(
      fc.property(anyFixture, anyStart, anyTarget, anyTarget, ({ calendar }, start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const from = new Date(start);
        expect(addBusinessTime(calendar, from, low).getTime()).toBeLessThanOrEqual(
          addBusinessTime(calendar, from, high).getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("THEN businessElapsed(start, addBusinessTime(start, t)) === t", () => {
    fc.assert(
      fc.property(anyFixture, anyStart, anyTarget, ({ calendar }, start, target) => {
        const from = new Date(start);
        expect(businessElapsed(calendar, from, addBusinessTime(calendar, from, target))).toBe(target);
      }),
      { numRuns: 300 },
    );
  });

  it("THEN elapsed time is additive over adjacent ranges", () => {
    const span = fc.integer({ min: 0, max: 20 * 24 * HOUR });
    fc.assert(
      fc.property(anyFixture, anyStart, span, span, ({ calendar }, a, first, second) => {
        const [from, middle, to] = [new Date(a), new Date(a + first), new Date(a + first + second)];
        expect(businessElapsed(calendar, from, middle) + businessElapsed(calendar, middle, to)).toBe(
          businessElapsed(calendar, from, to),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("GIVEN any set of pauses", () => {
  it("THEN pauses that end never make due earlier", () => {
    fc.assert(
      fc.property(
        anyFixture,
        anyStart,
        anyTarget,
        fc.array(anyClosedPause, { maxLength: 4 }),
        ({ calendar }, start, target, raw) => {
          const from = new Date(start);
          const plain = addBusinessTime(calendar, from, target).getTime();
          const paused = addBusinessTimeExcluding(calendar, from, target, pausesFrom(start, raw));
          expect(paused).toBeInstanceOf(Date);
          expect(paused?.getTime()).toBeGreaterThanOrEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("THEN elapsed-excluding-pauses up to the paused due equals the target", () => {
    fc.assert(
      fc.property(
        anyFixture,
        anyStart,
        anyTarget,
        fc.array(anyClosedPause, { maxLength: 4 }),
        ({ calendar }, start, target, raw) => {
          const from = new Date(start);
          const pauses = pausesFrom(start, raw);
          const due = addBusinessTimeExcluding(calendar, from, target, pauses) ?? new Date(Number.NaN);
          expect(businessElapsedExcluding(calendar, from, due, pauses)).toBe(target);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("THEN a pause still running stops the clock for good, unless the target is met before it starts", () => {
    fc.assert(
      fc.property(
        anyFixture,
        anyStart,
        anyTarget,
        fc.array(anyClosedPause, { maxLength: 3 }),
        fc.array(anyOpenPause, { minLength: 1, maxLength: 2 }),
        ({ calendar }, start, target, closedRaw, openRaw) => {
          const from = new Date(start);
          const closed = pausesFrom(start, closedRaw);
          const open = pausesFrom(start, openRaw);
          const stopsAt = Math.min(...open.map((pause) => pause.from.getTime()));
          // Where the clock would run out if the running pauses had ended: a target of zero is met at once.
          const dueWithoutThem =
            addBusinessTimeExcluding(calendar, from, target, closed) ?? new Date(Number.NaN);
          const metFirst = target === 0 || dueWithoutThem.getTime() <= stopsAt;
          expect(addBusinessTimeExcluding(calendar, from, target, [...closed, ...open])).toEqual(
            metFirst ? dueWithoutThem : null,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("GIVEN the naive minute-stepping oracle", () => {
  it("THEN due agrees with it on minute-aligned inputs", () => {
    fc.assert(
      fc.property(
        anyFixture,
        minuteAlignedStart,
        fc.integer({ min: 0, max: 8 * 60 }),
        ({ calendar, oracle }, start, minutes) => {
          const due = addBusinessTime(calendar, new Date(start), minutes * MINUTE).getTime();
          expect(due).toBe(oracle.due(start, minutes * MINUTE));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("THEN elapsed agrees with it on minute-aligned inputs", () => {
    fc.assert(
      fc.property(
        anyFixture,
        minuteAlignedStart,
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        ({ calendar, oracle }, start, minutes) => {
          const to = start + minutes * MINUTE;
          expect(businessElapsed(calendar, new Date(start), new Date(to))).toBe(oracle.elapsed(start, to));
        },
      ),
      { numRuns: 60 },
    );
  });
});
