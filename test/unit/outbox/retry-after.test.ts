import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_LIMIT_MS,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../../src/outbox/errors.js";
import { discordRetryAfterMs, slackRetryAfterMs } from "../../../src/outbox/retry-after.js";

describe("GIVEN Slack's 429 answer", () => {
  it("THEN Retry-After seconds become milliseconds", () => {
    expect(slackRetryAfterMs("30")).toBe(30_000);
    expect(RateLimitedError.fromSlack("1").retryAfterMs).toBe(1_000);
  });

  it("THEN a missing or garbled header falls back to a safe default rather than retrying at once", () => {
    expect(slackRetryAfterMs(null)).toBeNull();
    expect(slackRetryAfterMs("soon")).toBeNull();
    expect(slackRetryAfterMs("-3")).toBeNull();
    expect(RateLimitedError.fromSlack(undefined).retryAfterMs).toBe(DEFAULT_RATE_LIMIT_MS);
  });
});

describe("GIVEN Discord's 429 answer", () => {
  it("THEN the float retry_after is honoured to the millisecond, rounded up", () => {
    expect(discordRetryAfterMs({ retryAfter: 0.3314 })).toBe(332);
  });

  it("THEN the longest of retry_after, X-RateLimit-Reset-After and Retry-After wins", () => {
    expect(discordRetryAfterMs({ retryAfter: 0.5, resetAfterHeader: "2.25", retryAfterHeader: "1" })).toBe(
      2_250,
    );
    expect(RateLimitedError.fromDiscord({ resetAfterHeader: "0.75" }).retryAfterMs).toBe(750);
    expect(discordRetryAfterMs({})).toBeNull();
  });
});

describe("GIVEN the delivery errors", () => {
  it("THEN each carries a stable code, its retry rule and the platform's error as cause", () => {
    const cause = new Error("HTTP 503");
    expect(new TransientDeliveryError("http_503", "unavailable", { cause })).toMatchObject({
      code: "http_503",
      retry: "backoff",
      cause,
      name: "TransientDeliveryError",
    });
    expect(new PermanentDeliveryError("invalid_blocks", "bad blocks")).toMatchObject({
      code: "invalid_blocks",
      retry: "never",
    });
    expect(RateLimitedError.fromSlack("2", cause)).toMatchObject({
      code: "rate_limited",
      retry: "after",
      cause,
    });
  });
});
