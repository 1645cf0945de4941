import type { AddressInfo } from "node:net";
import { openConsoleSandbox } from "../adapters/console/sandbox.js";
import { withSandboxDesk } from "../adapters/console/sandbox-desk.js";
import type { Env } from "../config/env.js";
import { loadConfigFile } from "../config/load.js";
import type { OpsdeskConfig } from "../config/types.js";
import { type Clock, type OffsetClock, systemClock } from "../core/clock.js";
import type { IncidentContext } from "../core/incidents/context.js";
import { type DatabaseHandle, openDatabase } from "../db/client.js";
import { locateDatabase } from "../db/location.js";
import { migrateDatabase } from "../db/migrate.js";
import { type ReadinessState, registerHealthRoutes } from "../http/health.js";
import { HttpServer } from "../http/server.js";
import type { Logger } from "../log.js";
import type { OutboxDispatcher } from "../outbox/index.js";
import { chatCredentialsSet, connectChat } from "./connect-chat.js";
import { syncConfigToDatabase } from "./sync-config.js";

export interface RunningOpsDesk {
  address: AddressInfo;
  url: string;
  config: OpsdeskConfig;
  database: DatabaseHandle;
  incidents: IncidentContext;
  outbox: OutboxDispatcher;
  /** The clock everything runs on: the real one, shifted forward by the console's time travel in a sandbox. */
  clock: OffsetClock;
  /** The local console's address, unless OPSDESK_CONSOLE=off. */
  consoleUrl?: string;
  /** Graceful stop: not ready, stop accepting, finish requests in flight, close the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  log: Logger;
  clock?: Clock;
}

/** Starts OpsDesk: configuration, migrations, config sync, then the HTTP server. */
export async function startOpsDesk({
  env,
  log,
  clock: base = systemClock,
}: StartOptions): Promise<RunningOpsDesk> {
  const startedAt = performance.now();
  const { config, usedDefaults } = await loadConfigFile(env.OPSDESK_CONFIG);
  if (usedDefaults) log.info({ path: env.OPSDESK_CONFIG }, "no configuration file; using built-in defaults");

  const location = locateDatabase(env.DATABASE_URL);
  const migration = await migrateDatabase(location);
  log.info({ database: location.display, provider: location.provider, ...migration }, "database migrated");

  const database = openDatabase(location);
  const state: ReadinessState = { migrationsApplied: true, shuttingDown: false };
  const consoleEnabled = env.OPSDESK_CONSOLE !== "off";
  let deskConfig = config;
  let sandbox: Awaited<ReturnType<typeof openConsoleSandbox>>;
  try {
    sandbox = await openConsoleSandbox(database.db, base, {
      provider: location.provider,
      freshDatabase: migration.alreadyApplied === 0,
      chatConnected: chatCredentialsSet(env),
      consoleEnabled,
    });
    // A sandbox without people in the config gets a requester, agents, a CAB member and an admin to play.
    if (sandbox.refusal === null) deskConfig = withSandboxDesk(config);
    const synced = await syncConfigToDatabase(database.db, location.provider, deskConfig);
    log.info({ ...synced, sandbox: sandbox.refusal === null }, "configuration synced");
  } catch (error) {
    await database.close();
    throw error;
  }
  const clock = sandbox.clock;

  const server = new HttpServer(log);
  registerHealthRoutes(server, database.db, state);
  const access = {
    mode: env.OPSDESK_CONSOLE === "remote" ? "remote" : "on",
    secret: env.OPSDESK_CONSOLE_SECRET,
  } as const;
  const chat = connectChat({
    env,
    config: deskConfig,
    db: database.db,
    clock,
    log,
    server,
    console: consoleEnabled ? { sandbox, access } : undefined,
  });
  const address = await server.listen(env.PORT, env.HOST);
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  const consoleUrl = consoleEnabled ? `${consoleHost(url, address)}/console` : undefined;
  await chat.start();
  log.info(
    {
      url,
      platforms: chat.platforms,
      ...(consoleUrl ? { console: consoleUrl } : {}),
      startupMs: Math.round(performance.now() - startedAt),
    },
    "OpsDesk is ready",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      state.shuttingDown = true;
      await server.close();
      await chat.stop();
      await database.close();
      log.info("OpsDesk stopped");
    })();
    return stopping;
  };
  return {
    address,
    url,
    config: deskConfig,
    database,
    incidents: chat.incidents,
    outbox: chat.dispatcher,
    clock,
    ...(consoleUrl ? { consoleUrl } : {}),
    stop,
  };
}

/** Bound to every interface, the console is still opened on this machine: name loopback, not 0.0.0.0. */
function consoleHost(url: string, address: AddressInfo): string {
  if (address.address === "0.0.0.0") return `http://127.0.0.1:${address.port}`;
  if (address.address === "::") return `http://[::1]:${address.port}`;
  return url;
}
