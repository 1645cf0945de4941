/**
 * Turns the platforms' rate-limit answers into milliseconds. Unparseable or missing values give null so
 * the caller can fall back to its own backoff instead of retrying at once.
 */

/** Slack: HTTP 429 with `Retry-After` in whole seconds. */
export function slackRetryAfterMs(retryAfterHeader: string | null | undefined): number | null {
  return secondsToMs(retryAfterHeader);
}

/**
 * Discord: the 429 body's `retry_after` (float seconds) is authoritative; `X-RateLimit-Reset-After`
 * (float seconds) also tells when an exhausted bucket refills, and `Retry-After` is the HTTP fallback.
 * The longest of those present wins, since retrying before any of them elapses is refused again.
 */
export function discordRetryAfterMs(answer: {
  retryAfter?: number | null;
  resetAfterHeader?: string | null;
  retryAfterHeader?: string | null;
}): number | null {
  const candidates = [
    typeof answer.retryAfter === "number" ? secondsToMs(String(answer.retryAfter)) : null,
    secondsToMs(answer.resetAfterHeader),
    secondsToMs(answer.retryAfterHeader),
  ].filter((ms): ms is number => ms !== null);
  return candidates.length ? Math.max(...candidates) : null;
}

function secondsToMs(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.ceil(seconds * 1000);
}
