import { discordRetryAfterMs, slackRetryAfterMs } from "./retry-after.js";

/**
 * How a delivery failed decides what happens next, so transports classify platform answers into these
 * three errors. Each has a stable `code` (for logs, metrics and `lastError`) and keeps the platform's
 * error as `cause`. Anything else a transport throws is treated as transient.
 */
export abstract class DeliveryError extends Error {
  abstract readonly retry: "after" | "backoff" | "never";
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Fallback when a platform says "slow down" without saying for how long. */
export const DEFAULT_RATE_LIMIT_MS = 1_000;

/** The platform refused for now and said when to come back (HTTP 429). The message itself is fine. */
export class RateLimitedError extends DeliveryError {
  readonly retry = "after";
  readonly retryAfterMs: number;
  /**
   * `channel`: this channel (Slack's per-channel limit, a Discord route bucket) must wait; `platform`: every
   * request to the platform must (Discord's global limit), so the replica holds all of its channels.
   */
  readonly scope: "channel" | "platform";

  constructor(
    retryAfterMs: number,
    options?: { cause?: unknown; code?: string; scope?: "channel" | "platform" },
  ) {
    const scope = options?.scope ?? "channel";
    super(
      options?.code ?? (scope === "platform" ? "rate_limited_global" : "rate_limited"),
      `Rate limited${scope === "platform" ? " globally" : ""}; retry after ${retryAfterMs} ms`,
      options,
    );
    this.retryAfterMs = Math.max(0, Math.ceil(retryAfterMs));
    this.scope = scope;
  }

  /** From Slack's `Retry-After` header (seconds). */
  static fromSlack(retryAfterHeader: string | null | undefined, cause?: unknown): RateLimitedError {
    return new RateLimitedError(slackRetryAfterMs(retryAfterHeader) ?? DEFAULT_RATE_LIMIT_MS, { cause });
  }

  /**
   * From Discord's 429 body `retry_after` (float seconds) and its rate-limit headers; `global` (the body's
   * flag or `X-RateLimit-Global`) makes the wait apply to every channel.
   */
  static fromDiscord(
    answer: {
      retryAfter?: number | null;
      resetAfterHeader?: string | null;
      retryAfterHeader?: string | null;
      global?: boolean;
    },
    cause?: unknown,
  ): RateLimitedError {
    return new RateLimitedError(discordRetryAfterMs(answer) ?? DEFAULT_RATE_LIMIT_MS, {
      cause,
      scope: answer.global ? "platform" : "channel",
    });
  }
}

/** Worth retrying with backoff: 5xx, network failure, timeout. `code` e.g. `http_503`, `ECONNRESET`. */
export class TransientDeliveryError extends DeliveryError {
  readonly retry = "backoff";

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Retrying cannot help: `invalid_blocks`, `channel_not_found`, `not_in_channel`, Discord 50001… */
export class PermanentDeliveryError extends DeliveryError {
  readonly retry = "never";

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}
