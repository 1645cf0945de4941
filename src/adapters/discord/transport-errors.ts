import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from "../../outbox/index.js";

/** Discord's answers mapped onto the dispatcher's three outcomes: 429 wait, 5xx/network retry, 4xx stop. */
export function classifyDiscordError(error: unknown): unknown {
  if (
    error instanceof PermanentDeliveryError ||
    error instanceof TransientDeliveryError ||
    error instanceof RateLimitedError
  ) {
    return error;
  }
  if (error instanceof RateLimitError) {
    // @discordjs/rest reports milliseconds; the body's retry_after was float seconds.
    return RateLimitedError.fromDiscord({ retryAfter: error.retryAfter / 1000 }, error);
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
