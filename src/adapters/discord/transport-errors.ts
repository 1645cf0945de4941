import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import {
  isDeliveryError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../outbox/index.js";

/** Discord's answers mapped onto the dispatcher's three outcomes: 429 wait, 5xx/network retry, 4xx stop. */
export function classifyDiscordError(error: unknown): unknown {
  // Already one of the three outcomes (thrown by our own checks): pass it on as it is.
  if (isDeliveryError(error)) return error;
  if (error instanceof RateLimitError) {
    // @discordjs/rest reads Retry-After, X-RateLimit-Reset-After, -Bucket and -Global for us and reports
    // milliseconds: `retryAfter` from the 429, `timeToReset` until the bucket (or the global limit) refills.
    // It also refuses, before sending, a request to a bucket it knows is empty (rejectOnRateLimit).
    const waitMs = Math.max(error.retryAfter, error.timeToReset, 0);
    return RateLimitedError.fromDiscord({ retryAfter: waitMs / 1000, global: error.global }, error);
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const code = error instanceof DiscordAPIError ? `discord_${error.code}` : `http_${error.status}`;
    if (error.status === 429) return RateLimitedError.fromDiscord({}, error);
    return error.status >= 500
      ? new TransientDeliveryError(code, error.message, { cause: error })
      : new PermanentDeliveryError(code, error.message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TransientDeliveryError("request_failed", message, { cause: error });
}
