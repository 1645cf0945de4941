import { Client, Events, GatewayIntentBits } from "discord.js";
import type { FakeDiscord } from "./server.js";

export interface ConnectedClient {
  client: Client;
  /** Milliseconds from `login()` to the client's `ready` event. */
  readyAfterMs: number;
}

/** Logs a real discord.js client into the fake: REST at `restBase`, gateway URL found via `GET /gateway/bot`. */
export async function connectClient(
  fake: FakeDiscord,
  intents: number[] = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
): Promise<ConnectedClient> {
  const client = new Client({ intents, rest: { api: fake.restBase } });
  const started = Date.now();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return { client, readyAfterMs: Date.now() - started };
}
