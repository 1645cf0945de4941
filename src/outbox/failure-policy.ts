import { graphemePrefix } from "../kernel/text/clip.js";
import { type BackoffPolicy, backoffDelayMs, rateLimitDelayMs } from "./backoff.js";
import { isDeliveryError, RateLimitedError } from "./errors.js";

export type FailureDecision =
  /** Try again at `nextAttemptAt`; a rate limit gives back the attempt it used (`refundAttempt`). */
  | {
      outcome: "retry";
      nextAttemptAt: Date;
      refundAttempt: boolean;
      code: string;
      rateLimited: boolean;
      /** For a rate limit: whether only this channel or the whole platform must wait. */
      holds?: "channel" | "platform";
    }
  /** Give up: the row is dead-lettered with `code` as its last error. */
  | { outcome: "dead"; code: string; reason: "permanent" | "exhausted" };

export interface FailureContext {
  /** Attempts used so far, including the one that just failed. */
  attempts: number;
  maxAttempts: number;
  now: Date;
  random: () => number;
  backoff: BackoffPolicy;
}

/**
 * What to do after a failed delivery. Rules:
 * - rate limited: retry after exactly the platform's Retry-After (plus a little jitter), and the attempt
 *   does not count toward dead-lettering: a 429 proves the platform is up and the message acceptable;
 * - permanent (4xx such as invalid_blocks): dead at once, retrying cannot help;
 * - transient or unknown: exponential backoff with full jitter, dead once `maxAttempts` are used.
 */
export function decideAfterFailure(error: unknown, context: FailureContext): FailureDecision {
  const code = errorCode(error);
  if (error instanceof RateLimitedError) {
    const delay = rateLimitDelayMs(error.retryAfterMs, context.random);
    return {
      outcome: "retry",
      nextAttemptAt: after(context.now, delay),
      refundAttempt: true,
      code,
      rateLimited: true,
      holds: error.scope,
    };
  }
  if (isDeliveryError(error) && error.retry === "never")
    return { outcome: "dead", code, reason: "permanent" };
  if (context.attempts >= context.maxAttempts) return { outcome: "dead", code, reason: "exhausted" };
  const delay = backoffDelayMs(context.attempts, context.random, context.backoff);
  return {
    outcome: "retry",
    nextAttemptAt: after(context.now, delay),
    refundAttempt: false,
    code,
    rateLimited: false,
  };
}

/** The stable code, logged and stored at the start of `lastError`. */
export function errorCode(error: unknown): string {
  if (isDeliveryError(error)) return error.code;
  return "unexpected";
}

/** `lastError`: the code first (stable, greppable), then the message for whoever reads the dead letter. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return graphemePrefix(`${errorCode(error)}: ${message}`, 1_000);
}

function after(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}
