import { describe, expect, it } from "vitest";
import { defaultBackoff } from "../../../src/outbox/backoff.js";
import {
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../../src/outbox/errors.js";
import { decideAfterFailure, errorSummary } from "../../../src/outbox/failure-policy.js";

const now = new Date("2026-11-02T09:00:00.000Z");
const context = (attempts: number) => ({
  attempts,
  maxAttempts: 8,
  now,
  random: () => 0.5,
  backoff: defaultBackoff,
});
const at = (ms: number) => new Date(now.getTime() + ms);

describe("GIVEN a failed delivery", () => {
  describe("WHEN the platform rate limited it", () => {
    it("THEN it retries after the platform's wait and gives the attempt back, even on the last attempt", () => {
      expect(decideAfterFailure(new RateLimitedError(10_000), context(8))).toEqual({
        outcome: "retry",
        nextAttemptAt: at(10_500),
        refundAttempt: true,
        code: "rate_limited",
        rateLimited: true,
        holds: "channel",
      });
    });

    it("THEN a Discord global limit holds every channel of the platform, not only this one", () => {
      const global = RateLimitedError.fromDiscord({ retryAfter: 2.5, global: true });
      expect(decideAfterFailure(global, context(1))).toEqual({
        outcome: "retry",
        nextAttemptAt: at(2_625),
        refundAttempt: true,
        code: "rate_limited_global",
        rateLimited: true,
        holds: "platform",
      });
      expect(RateLimitedError.fromDiscord({ retryAfter: 2.5 }).scope).toBe("channel");
    });
  });

  describe("WHEN the failure is transient", () => {
    it("THEN it backs off exponentially until the attempts run out, then it is dead", () => {
      expect(decideAfterFailure(new TransientDeliveryError("http_500", "boom"), context(3))).toEqual({
        outcome: "retry",
        nextAttemptAt: at(2_000),
        refundAttempt: false,
        code: "http_500",
        rateLimited: false,
      });
      expect(decideAfterFailure(new TransientDeliveryError("http_500", "boom"), context(8))).toEqual({
        outcome: "dead",
        code: "http_500",
        reason: "exhausted",
      });
    });

    it("THEN an error the transport did not classify is treated as transient, code `unexpected`", () => {
      expect(decideAfterFailure(new TypeError("x is undefined"), context(1))).toMatchObject({
        outcome: "retry",
        code: "unexpected",
      });
      expect(errorSummary(new TypeError("x is undefined"))).toBe("unexpected: x is undefined");
    });
  });

  describe("WHEN the platform refused it for good", () => {
    it("THEN it is dead on the first attempt", () => {
      expect(decideAfterFailure(new PermanentDeliveryError("invalid_blocks", "no"), context(1))).toEqual({
        outcome: "dead",
        code: "invalid_blocks",
        reason: "permanent",
      });
    });
  });
});
