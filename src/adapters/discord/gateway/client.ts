import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Logger } from "../../../log.js";
import type { DiscordListenerDeps } from "../listeners/deps.js";
import { dispatchDiscordInteraction } from "../listeners/dispatch.js";
import { interactionRestOptions } from "../rest.js";
import { fromDiscordJs } from "./from-discordjs.js";

/**
 * The gateway bot. Interactions need only the Guilds intent (no privileged intents: a message command's
 * target content arrives with the interaction). Its REST client carries only interaction responses (the
 * outbox has its own), so it is set up like the HTTP mode's: retries off, because a listener that fails
 * answers privately instead of retrying past Discord's 3-second deadline, and no client-side global limit,
 * which Discord does not apply to interaction responses.
 */
export function createGatewayClient(options: {
  apiUrl?: string | undefined;
  deps: DiscordListenerDeps;
  log: Logger;
}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...interactionRestOptions },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const facade = fromDiscordJs(interaction);
    if (!facade) return;
    void dispatchDiscordInteraction(facade, options.deps).catch((error: unknown) =>
      options.log.error({ err: error }, "Discord listener error"),
    );
  });
  client.on(Events.Error, (error) => options.log.error({ err: error }, "Discord client error"));
  return client;
}
