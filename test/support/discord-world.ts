// OpsDesk running in-process with its real discord.js client (or HTTP interactions), talking to the local
// Discord over loopback.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type RunningOpsDesk, startOpsDesk } from "../../src/app/start.js";
import { loadEnv } from "../../src/config/env.js";
import { buildInteraction } from "../fakes/discord/builders/interaction-payload.js";
import type { InteractionSpec } from "../fakes/discord/builders/interactions.js";
import { defaultDiscordSigner, type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import type { JsonRecord } from "../fakes/discord/json.js";
import type { FakeState } from "../fakes/discord/state.js";
import { channels, deskConfigYaml, people } from "./desk-config.js";
import { freePort } from "./process.js";

export interface DiscordWorld {
  opsdesk: RunningOpsDesk;
  fake: FakeDiscord;
  /** Makes the fake's one human this Discord user for the interactions that follow. */
  actAs(userId: string, username?: string): void;
  /** HTTP mode: a full, registered interaction payload for `spec`, to sign and POST. */
  payloadFor(spec: InteractionSpec): JsonRecord;
  settle(): Promise<void>;
  close(): Promise<void>;
}

// The fake keeps one human per instance; tests switch who that is between interactions.
function stateOf(fake: FakeDiscord): FakeState {
  return (fake as unknown as { state: FakeState }).state;
}

export async function startDiscordWorld(mode: "gateway" | "http" = "gateway"): Promise<DiscordWorld> {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-discord-"));
  const configPath = join(dir, "opsdesk.yaml");
  writeFileSync(configPath, deskConfigYaml);
  const fake = await startFakeDiscord({
    channels: Object.entries(channels.discord).map(([name, id]) => ({ id, name })),
    userId: people.ada.discord,
    username: "ada",
  });
  const env = loadEnv({
    DATABASE_URL: `file:${join(dir, "opsdesk.db")}`,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    OPSDESK_CONFIG: configPath,
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.restBase,
    ...(mode === "http" ? { DISCORD_PUBLIC_KEY: defaultDiscordSigner.publicKeyHex } : {}),
    LOG_LEVEL: "silent",
  });
  const opsdesk = await startOpsDesk({ env, log: pino({ level: process.env.OPSDESK_TEST_LOG ?? "silent" }) });
  if (mode === "gateway") await waitUntil(() => fake.gatewaySessions > 0);
  return {
    opsdesk,
    fake,
    actAs: (userId, username = "someone") => {
      stateOf(fake).config.human = { id: userId, username };
    },
    payloadFor: (spec) => buildInteraction(stateOf(fake), spec).payload,
    settle: async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await opsdesk.outbox.drain();
      }
    },
    close: async () => {
      await opsdesk.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting for the Discord gateway session");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
