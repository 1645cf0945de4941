import { REST } from "discord.js";

/**
 * discord.js's REST client as OpsDesk wants it: `retries: 0` so 5xx and timeouts surface at once (the
 * outbox owns retries and backoff), and `rejectOnRateLimit` so a 429, or a bucket it knows is empty,
 * throws a RateLimitError instead of sleeping inside a delivery.
 */
export function createDiscordRest(token: string, apiUrl: string | undefined): REST {
  return new REST({
    version: "10",
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
  }).setToken(token);
}
