import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, defaultBackoff, rateLimitDelayMs } from "../../../src/outbox/backoff.js";

describe("GIVEN exponential backoff with full jitter (base 1 s, cap 5 min)", () => {
  it("THEN the ceiling doubles per failure: 1 s, 2 s, 4 s … and never exceeds 5 minutes", () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, top))).toEqual([999, 1_999, 3_999, 7_999]);
    expect(backoffDelayMs(30, top)).toBe(299_999);
    expect(backoffDelayMs(1_000, top)).toBe(299_999);
  });

  it("THEN any delay lies in [0, min(cap, base·2^(n-1))) whatever the random source returns", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ noNaN: false }), (failures, r) => {
        const delay = backoffDelayMs(failures, () => r);
        const ceiling = Math.min(
          defaultBackoff.capMs,
          defaultBackoff.baseMs * 2 ** Math.max(failures - 1, 0),
        );
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(ceiling, 1));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });
});

describe("GIVEN a platform's Retry-After", () => {
  it("THEN the wait is never shorter than asked and adds at most 10% (≤ 1 s) of jitter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true }),
        (ms, r) => {
          const delay = rateLimitDelayMs(ms, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.max(ms, 1));
          expect(delay - ms).toBeLessThanOrEqual(Math.max(1, Math.min(1_000, ms / 10)));
        },
      ),
    );
  });

  it("THEN with no jitter it is exactly the platform's wait", () => {
    expect(rateLimitDelayMs(30_000, () => 0)).toBe(30_000);
  });
});
