import { REST } from "discord.js";

/**
 * discord.js's REST client as OpsDesk wants it for the outbox: `retries: 0` so 5xx and timeouts surface at
 * once (the outbox owns retries and backoff), and `rejectOnRateLimit` so a 429, or a bucket it knows is
 * empty, throws a RateLimitError instead of sleeping inside a delivery.
 */
export function createDiscordRest(token: string, apiUrl: string | undefined): REST {
  return new REST({
    version: "10",
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
  }).setToken(token);
}

/**
 * Discord's interaction endpoints (the initial callback and the token webhooks that edit the reply) are
 * not bound by the bot's global rate limit of 50 requests per second; @discordjs/rest counts every request
 * against it all the same. A client that carries only interaction responses therefore lifts that
 * client-side limit, or a burst of interactions would have their answers held back (or, with
 * rejectOnRateLimit, dropped) for a limit Discord does not apply to them. Per-route 429s still apply:
 * they are waited out, well within the token's 15 minutes. Retries stay off (see the gateway client).
 */
export const interactionRestOptions = {
  retries: 0,
  globalRequestsPerSecond: Number.POSITIVE_INFINITY,
} as const;

/** HTTP interactions mode: the REST client for interaction responses (token webhooks, no bot token). */
export function createInteractionRest(apiUrl: string | undefined): REST {
  return new REST({ version: "10", ...(apiUrl ? { api: apiUrl } : {}), ...interactionRestOptions });
}
