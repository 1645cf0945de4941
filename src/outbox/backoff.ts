/** How long to wait before the next attempt; pure, with randomness injected so tests are exact. */

export interface BackoffPolicy {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^(failures-1))). Full jitter
 * spreads replicas and channels that failed together, so a recovering platform is not hit by a wave.
 */
export function backoffDelayMs(
  failures: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoff,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(clampUnit(random()) * ceiling);
}

/**
 * A rate limit is honoured exactly as the minimum wait; a little jitter on top (at most 10% and 1 s) keeps
 * replicas that were told the same Retry-After from returning in the same millisecond.
 */
export function rateLimitDelayMs(retryAfterMs: number, random: () => number): number {
  const wait = Math.max(0, Math.ceil(retryAfterMs));
  const spread = Math.min(1_000, Math.floor(wait / 10));
  return Math.max(1, wait + Math.floor(clampUnit(random()) * spread));
}

// Math.random() is in [0, 1); an injected source might return exactly 1 or garbage.
function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return Math.min(value, 0.999_999);
}
