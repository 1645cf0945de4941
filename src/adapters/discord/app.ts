import type { Client } from "discord.js";
import type { InteractionDeps } from "../../desk/deps.js";
import type { RequestHandler } from "../../http/server.js";
import { createGatewayClient } from "./gateway/client.js";
import { createInteractionsHandler } from "./http/handler.js";
import type { DiscordListenerDeps } from "./listeners/deps.js";
import { createDiscordRest, createInteractionRest } from "./rest.js";
import { DiscordTransport } from "./transport.js";

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** HTTP interactions mode when set (`POST /discord/interactions`); the gateway otherwise. */
  publicKey?: string | undefined;
  /** REST base override (the local Discord in tests), like `http://127.0.0.1:PORT/api`. */
  apiUrl?: string | undefined;
  /** What the listeners need from the desk. */
  deps: InteractionDeps;
}

export interface DiscordAdapter {
  client?: Client;
  /** HTTP interactions mode only: the handler for `POST /discord/interactions`. */
  interactionsHandler?: RequestHandler;
  transport: DiscordTransport;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Discord in one of its two modes: the gateway (a discord.js Client that logs in and receives
 * INTERACTION_CREATE) or HTTP interactions (signed requests to OpsDesk's server, answered over REST). Both
 * feed the same listeners; the outbox transport is the same REST client either way.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const log = options.deps.log.child({ component: "discord" });
  const deps: DiscordListenerDeps = { ...options.deps, log };
  const rest = createDiscordRest(options.token, options.apiUrl);
  const transport = new DiscordTransport(rest, log);
  if (options.publicKey) {
    const interactionsHandler = createInteractionsHandler({
      publicKey: options.publicKey,
      applicationId: options.applicationId,
      rest: createInteractionRest(options.apiUrl),
      deps,
    });
    return { interactionsHandler, transport, start: async () => {}, stop: async () => {} };
  }
  const client = createGatewayClient({ apiUrl: options.apiUrl, deps, log });
  return {
    client,
    transport,
    start: async () => {
      await client.login(options.token);
    },
    stop: async () => {
      await client.destroy();
    },
  };
}
