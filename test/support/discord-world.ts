// OpsDesk running in-process with its real discord.js client (or HTTP interactions), talking to the local
// Discord over loopback.
import type { RunningOpsDesk } from "../../src/app/start.js";
import type { Clock } from "../../src/kernel/clock.js";
import type { Logger } from "../../src/log.js";
import type { InteractionSpec } from "../fakes/discord/builders/interactions.js";
import { defaultDiscordSigner, type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import type { JsonRecord } from "../fakes/discord/json.js";
import type { FakeState } from "../fakes/discord/state.js";
import { channels, people } from "./desk-config.js";
import { startDesk } from "./desk-world.js";

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

export async function startDiscordWorld(
  mode: "gateway" | "http" = "gateway",
  options: {
    /** The local Discord's clock (its 3 s and 15 min deadlines); its own wall clock by default. */
    discordNow?: () => number;
    /** OpsDesk's clock, e.g. a ManualClock a test moves to make SLA alerts due. */
    clock?: Clock;
    /** OpsDesk's log, for tests that read what it wrote. */
    log?: Logger;
  } = {},
): Promise<DiscordWorld> {
  const fake = await startFakeDiscord({
    ...(options.discordNow ? { now: options.discordNow } : {}),
    channels: Object.entries(channels.discord).map(([name, id]) => ({ id, name })),
    userId: people.ada.discord,
    username: "ada",
  });
  const desk = await startDesk(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.restBase,
      ...(mode === "http" ? { DISCORD_PUBLIC_KEY: defaultDiscordSigner.publicKeyHex } : {}),
    },
    { ...(options.clock ? { clock: options.clock } : {}), ...(options.log ? { log: options.log } : {}) },
  );
  if (mode === "gateway") await waitUntil(() => fake.gatewaySessions > 0);
  return {
    opsdesk: desk.opsdesk,
    fake,
    actAs: (userId, username = "someone") => {
      stateOf(fake).config.human = { id: userId, username };
    },
    payloadFor: (spec) => fake.createInteraction(spec).payload,
    settle: desk.settle,
    close: async () => {
      await desk.close();
      await fake.close();
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
