import type { ConsoleAccess } from "../adapters/console/access.js";
import { createConsoleAdapter } from "../adapters/console/app.js";
import type { ConsoleSandbox } from "../adapters/console/sandbox.js";
import type { DiscordAdapter } from "../adapters/discord/app.js";
import type { SlackAdapter } from "../adapters/slack/app.js";
import type { Env } from "../config/env.js";
import type { OpsdeskConfig } from "../config/types.js";
import type { ChangeContext } from "../core/changes/context.js";
import type { Clock } from "../core/clock.js";
import type { IncidentContext } from "../core/incidents/context.js";
import type { Platform } from "../core/people/actor.js";
import type { Db } from "../db/client.js";
import type { HttpServer } from "../http/server.js";
import type { InteractionDeps } from "../interactions/deps.js";
import { createWorkLimiter } from "../interactions/work-limiter.js";
import type { Logger } from "../log.js";
import { changePostsHook } from "../notifications/change-posts.js";
import { incidentPostsHook } from "../notifications/incident-posts.js";
import { type ChatTransport, OutboxDispatcher } from "../outbox/index.js";
import { slaClocksHook } from "../sla/clock-hook.js";
import { createSlaRuntime, type SlaRuntime } from "../sla/runtime.js";

export interface ChatConnections {
  platforms: Platform[];
  /** The SLA configuration compiled once (calendars with their caches). */
  sla: SlaRuntime;
  incidents: IncidentContext;
  changes: ChangeContext;
  dispatcher: OutboxDispatcher;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Slack or Discord credentials are set, so OpsDesk talks to a real workspace. */
export function chatCredentialsSet(env: Env): boolean {
  // The same conditions as the adapters below.
  const slack = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  const discord = Boolean(env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID);
  return slack || discord;
}

/**
 * Connects the chat platforms whose credentials are set, the local console unless it is off, and the
 * outbox that delivers to them. The incident context gets the hook that queues card posts for exactly
 * those platforms. A platform's adapter (and its SDK: Bolt, discord.js) is imported only when its
 * credentials are set, so a process without them never loads it.
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
  /** The console's sandbox and who may reach it; absent when OPSDESK_CONSOLE=off. */
  console?: { sandbox: ConsoleSandbox; access: ConsoleAccess } | undefined;
}): Promise<ChatConnections> {
  const { env, config, db, clock, log, server } = input;
  const work = createWorkLimiter(input.interactionConcurrency);
  const platforms: Platform[] = [];
  const transports: ChatTransport[] = [];
  // Filled in below; the dispatcher needs the transports and the incident context needs the dispatcher.
  const incidents: IncidentContext = { db, clock, priorityMatrix: config.priorityMatrix };
  const changes: ChangeContext = {
    db,
    clock,
    settings: config.changes,
    timezone: config.timezone,
    dependencies: Object.fromEntries(config.services.map((service) => [service.id, service.dependsOn])),
  };
  const sla = createSlaRuntime(config);
  const deps: InteractionDeps = { incidents, changes, clock, log, sla, work };

  let slack: SlackAdapter | undefined;
  if (env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
    const { createSlackAdapter } = await import("../adapters/slack/app.js");
    slack = createSlackAdapter({
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET ?? "",
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      deps,
    });
    if (slack.receiver) server.route("POST", "/slack/events", slack.receiver.handler);
    platforms.push("slack");
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
    platforms.push("discord");
    transports.push(discord.transport);
  }

  if (input.console) {
    const consoleAdapter = createConsoleAdapter({ deps, config, ...input.console });
    server.mount("/console", consoleAdapter.handler);
    server.onClose(consoleAdapter.closeStreams);
    platforms.push("console");
    transports.push(consoleAdapter.transport);
  }

  const dispatcher = new OutboxDispatcher({
    db,
    transports,
    clock,
    logger: log.child({ component: "outbox" }),
    pollIntervalMs: 500,
    leaseMs: env.OPSDESK_CLAIM_LEASE,
    // A delivery must end (and be recorded) well inside its lease, or another replica takes it over.
    deliveryTimeoutMs: Math.min(30_000, Math.floor(env.OPSDESK_CLAIM_LEASE / 2)),
  });
  // Clocks first: the card posted for a change shows the clocks as that change left them.
  incidents.onChange = [slaClocksHook(sla), incidentPostsHook({ config, platforms, sla })];
  incidents.onCommitted = () => dispatcher.wake();
  changes.onChange = [changePostsHook({ config, platforms })];
  changes.onCommitted = () => dispatcher.wake();

  return {
    platforms,
    sla,
    incidents,
    changes,
    dispatcher,
    start: async () => {
      await slack?.start();
      await discord?.start();
      dispatcher.start();
    },
    stop: async () => {
      await dispatcher.stop();
      await slack?.stop();
      await discord?.stop();
    },
  };
}
