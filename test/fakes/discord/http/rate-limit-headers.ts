import { createHash } from "node:crypto";

/**
 * @discordjs/rest reads X-RateLimit-Limit/Remaining/Reset-After/Bucket on every response to plan its
 * queue, and `Retry-After` (seconds) on a 429 to decide how long to sleep before retrying. Normal responses
 * report plenty of room so the client never throttles itself.
 */
export function bucketHash(method: string, template: string): string {
  return createHash("sha1").update(`${method} ${template}`).digest("hex").slice(0, 32);
}

export function normalRateLimitHeaders(bucket: string, nowMs: number): Record<string, string> {
  return {
    "x-ratelimit-limit": "50",
    "x-ratelimit-remaining": "49",
    "x-ratelimit-reset": ((nowMs + 1000) / 1000).toFixed(3),
    "x-ratelimit-reset-after": "1.000",
    "x-ratelimit-bucket": bucket,
  };
}

export function tooManyRequests(
  bucket: string,
  nowMs: number,
  retryAfterSec: number,
  global: boolean,
): { headers: Record<string, string>; body: { message: string; retry_after: number; global: boolean } } {
  const headers: Record<string, string> = {
    // Discord rounds the header up to whole seconds; the JSON body carries the precise float.
    "retry-after": String(Math.max(1, Math.ceil(retryAfterSec))),
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": ((nowMs + retryAfterSec * 1000) / 1000).toFixed(3),
    "x-ratelimit-reset-after": retryAfterSec.toFixed(3),
    "x-ratelimit-bucket": bucket,
    "x-ratelimit-scope": global ? "global" : "user",
  };
  if (global) headers["x-ratelimit-global"] = "true";
  return { headers, body: { message: "You are being rate limited.", retry_after: retryAfterSec, global } };
}
