import { App, LogLevel, webApi } from "@slack/bolt";
import type { InteractionDeps } from "../../desk/deps.js";
import type { Logger } from "../../log.js";
import { registerSlackListeners } from "./listeners.js";
import { SlackHttpReceiver } from "./receiver.js";
import { SlackTransport } from "./transport.js";

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret: string;
  /** Socket Mode (behind a firewall) when set; otherwise HTTP on OpsDesk's server. */
  appToken?: string | undefined;
  /** Web API base URL override (enterprise proxies, the local Slack in tests). */
  apiUrl?: string | undefined;
  /** What the listeners need from the desk. */
  deps: InteractionDeps;
}

export interface SlackAdapter {
  app: App;
  /** HTTP mode only: the handler for `POST /slack/events`. */
  receiver?: SlackHttpReceiver;
  transport: SlackTransport;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Slack's Web API client as OpsDesk wants it: no hidden retries (the outbox retries), errors not logged twice. */
function clientOptions(apiUrl: string | undefined, log: Logger) {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(log),
    logLevel: LogLevel.ERROR,
  };
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { log } = options.deps;
  const receiver = options.appToken
    ? undefined
    : new SlackHttpReceiver({ signingSecret: options.signingSecret, clock: options.deps.clock, log });
  const app = new App({
    authorize: cachedAuthorize(
      options.botToken,
      new webApi.WebClient(options.botToken, clientOptions(options.apiUrl, log)),
    ),
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: options.appToken,
          // The Socket Mode client opens its connection with apps.connections.open; without these options it
          // would ask slack.com even when SLACK_API_URL names a proxy (or the local Slack).
          installerOptions: { clientOptions: clientOptions(options.apiUrl, log) },
        }),
    clientOptions: clientOptions(options.apiUrl, log),
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
  });
  registerSlackListeners(app, options.deps);
  app.error(async (error) => {
    log.error({ err: error }, "Slack listener error");
  });
  const transport = new SlackTransport(
    new webApi.WebClient(options.botToken, clientOptions(options.apiUrl, log)),
  );
  return {
    app,
    ...(receiver ? { receiver } : {}),
    transport,
    start: async () => {
      if (!receiver) await app.start();
    },
    stop: async () => {
      if (!receiver) await app.stop();
    },
  };
}

/**
 * Bolt 5.1 with a bare token and tokenVerificationEnabled: false calls auth.test on EVERY request, before
 * the listener runs (App.js singleAuthorization: its "cache" is reassigned each call), which put a Slack
 * round trip in front of every acknowledgement. This asks once, lazily (start-up does not depend on Slack
 * being reachable), and asks again only after a failure.
 */
function cachedAuthorize(botToken: string, client: webApi.WebClient) {
  let pending: Promise<{ botToken: string; botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return () => {
    pending ??= client.auth
      .test()
      .then((result) => ({
        botToken,
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
        ...(result.team_id ? { teamId: result.team_id } : {}),
      }))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

/** Bolt's logger interface on top of pino. */
function boltLogger(log: Logger) {
  const child = log.child({ component: "slack" });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(" ")),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(" ")),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(" ")),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(" ")),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}
