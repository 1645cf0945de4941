import type { ConsoleAccess } from "../adapters/console/access.js";
import { createConsoleAdapter } from "../adapters/console/app.js";
import type { ConsoleSandbox } from "../adapters/console/sandbox.js";
import type { DiscordAdapter } from "../adapters/discord/app.js";
import type { SlackAdapter } from "../adapters/slack/app.js";
import type { Env } from "../config/env.js";
import type { OpsdeskConfig } from "../config/types.js";
import type { Db } from "../db/client.js";
import type { InteractionDeps } from "../desk/deps.js";
import { createDesk, type Desk } from "../desk/desk.js";
import { createWorkLimiter } from "../desk/work-limiter.js";
import type { HttpServer } from "../http/server.js";
import type { Clock } from "../kernel/clock.js";
import type { Platform } from "../kernel/people/actor.js";
import type { Logger } from "../log.js";
import type { OpsdeskMetrics } from "../metrics/opsdesk-metrics.js";
import { type ChatTransport, OutboxDispatcher } from "../outbox/index.js";
import { createPractices, practiceList, type RunningPractices } from "../practices/index.js";
import { instrumentDesk } from "./instrument-desk.js";

export interface ChatConnections {
  platforms: Platform[];
  /** Every practice, running: the desk routes to them; the scheduler runs their jobs. */
  practices: RunningPractices;
  desk: Desk;
  dispatcher: OutboxDispatcher;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Slack or Discord credentials are set, so OpsDesk talks to a real workspace. */
export function chatCredentialsSet(env: Env): boolean {
  return slackConfigured(env) || discordConfigured(env);
}

const slackConfigured = (env: Env) =>
  Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
const discordConfigured = (env: Env) => Boolean(env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID);

/**
 * The composition root of chat: the practices (from their one list), the desk every adapter hands its
 * interactions to, the chat platforms whose credentials are set, the local console unless it is off, and
 * the outbox that delivers to them. A platform's adapter (and its SDK: Bolt, discord.js) is imported only
 * when its credentials are set, so a process without them never loads it.
 */
export async function connectChat(input: {
  env: Env;
  config: OpsdeskConfig;
  db: Db;
  clock: Clock;
  log: Logger;
  server: HttpServer;
  /** How many interactions may do database work at once (see work-limiter.ts). */
  interactionConcurrency: number;
  /** Counts every interaction the desk handles (GET /metrics). */
  metrics: OpsdeskMetrics;
  /** The console's sandbox and who may reach it; absent when OPSDESK_CONSOLE=off. */
  console?: { sandbox: ConsoleSandbox; access: ConsoleAccess } | undefined;
}): Promise<ChatConnections> {
  const { env, config, db, clock, log, server } = input;
  const platforms: Platform[] = [
    ...(slackConfigured(env) ? (["slack"] as const) : []),
    ...(discordConfigured(env) ? (["discord"] as const) : []),
    ...(input.console ? (["console"] as const) : []),
  ];
  const transports: ChatTransport[] = [];
  // The dispatcher needs the transports, which need the desk, which needs the practices: wake it late.
  let dispatcher: OutboxDispatcher | undefined;
  const practices = createPractices({ db, clock, config, platforms, log, wake: () => dispatcher?.wake() });
  const desk = instrumentDesk(
    createDesk({
      practices: practiceList(practices).map((running) => running.practice),
      db,
      clock,
      log,
      work: createWorkLimiter(input.interactionConcurrency),
    }),
    input.metrics,
  );
  const deps: InteractionDeps = { desk, clock, log };

  let slack: SlackAdapter | undefined;
  if (env.SLACK_BOT_TOKEN && slackConfigured(env)) {
    const { createSlackAdapter } = await import("../adapters/slack/app.js");
    slack = createSlackAdapter({
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET ?? "",
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      deps,
    });
    if (slack.receiver) server.route("POST", "/slack/events", slack.receiver.handler);
    transports.push(slack.transport);
  }

  let discord: DiscordAdapter | undefined;
  // The token posts cards in both modes; the public key switches interactions from the gateway to HTTP.
  if (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) {
    const { createDiscordAdapter } = await import("../adapters/discord/app.js");
    discord = createDiscordAdapter({
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      publicKey: env.DISCORD_PUBLIC_KEY,
      apiUrl: env.DISCORD_API_URL,
      deps,
    });
    if (discord.interactionsHandler)
      server.route("POST", "/discord/interactions", discord.interactionsHandler);
    transports.push(discord.transport);
  }

  if (input.console) {
    const consoleAdapter = createConsoleAdapter({
      deps,
      db,
      config,
      wakeOutbox: () => dispatcher?.wake(),
      ...input.console,
    });
    server.mount("/console", consoleAdapter.handler);
    server.onClose(consoleAdapter.closeStreams);
    transports.push(consoleAdapter.transport);
  }

  const outbox = new OutboxDispatcher({
    db,
    transports,
    clock,
    logger: log.child({ component: "outbox" }),
    pollIntervalMs: 500,
    leaseMs: env.OPSDESK_CLAIM_LEASE,
    // A delivery must end (and be recorded) well inside its lease, or another replica takes it over.
    deliveryTimeoutMs: Math.min(30_000, Math.floor(env.OPSDESK_CLAIM_LEASE / 2)),
  });
  dispatcher = outbox;

  return {
    platforms,
    practices,
    desk,
    dispatcher: outbox,
    start: async () => {
      await slack?.start();
      await discord?.start();
      outbox.start();
    },
    stop: async () => {
      await outbox.stop();
      await slack?.stop();
      await discord?.stop();
    },
  };
}
