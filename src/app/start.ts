import type { AddressInfo } from "node:net";
import type { Env } from "../config/env.js";
import { defaultConfigPath, loadConfigFile } from "../config/load.js";
import type { OpsdeskConfig } from "../config/types.js";
import { type DatabaseHandle, openDatabase } from "../db/client.js";
import { locateDatabase } from "../db/location.js";
import { migrateDatabase } from "../db/migrate.js";
import { type ReadinessState, registerHealthRoutes } from "../http/health.js";
import { HttpServer } from "../http/server.js";
import { type Clock, type OffsetClock, systemClock } from "../kernel/clock.js";
import type { Logger } from "../log.js";
import type { OutboxDispatcher } from "../outbox/index.js";
import type { ChangeContext } from "../practices/changes/context.js";
import type { IncidentContext } from "../practices/incidents/context.js";
import type { SlaSweepResult } from "../practices/incidents/sla/sweep.js";
import { practiceList, type RunningPractices } from "../practices/index.js";
import type { Scheduler } from "../scheduler/index.js";
import { connectChat } from "./connect-chat.js";
import { type PreparedConsole, prepareConsole } from "./prepare-console.js";
import { createScheduler } from "./start-scheduler.js";
import { StartupError } from "./startup-error.js";
import { syncConfigToDatabase } from "./sync-config.js";
import { waitForDatabase } from "./wait-for-database.js";

export interface RunningOpsDesk {
  address: AddressInfo;
  url: string;
  config: OpsdeskConfig;
  database: DatabaseHandle;
  /** Every practice, running (incidents, changes, …): their contexts, for tests and tools. */
  practices: RunningPractices;
  incidents: IncidentContext;
  changes: ChangeContext;
  outbox: OutboxDispatcher;
  /** The clock everything runs on: the real one, shifted forward by the console's time travel in a sandbox. */
  clock: OffsetClock;
  /** The local console's address, unless OPSDESK_CONSOLE=off. */
  consoleUrl?: string;
  /** The SLA sweep (registered on the scheduler every `sla.sweepInterval`), callable directly too. */
  sla: { sweep(): Promise<SlaSweepResult>; intervalMs: number };
  /** Register scheduled jobs here; they start at their next slot, each slot run by one replica. */
  scheduler: Scheduler;
  /**
   * Graceful stop: not ready, stop accepting, finish requests in flight, stop the scheduler (runs in
   * progress finish), stop chat and the outbox, close the database.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  log: Logger;
  clock?: Clock;
}

/** Starts OpsDesk: configuration, migrations, the console's sandbox and clock, config sync, then the HTTP server. */
export async function startOpsDesk({
  env,
  log,
  clock: base = systemClock,
}: StartOptions): Promise<RunningOpsDesk> {
  const startedAt = performance.now();
  const configPath = env.OPSDESK_CONFIG ?? defaultConfigPath;
  const { config, usedDefaults } = await loadConfigFile(configPath, {
    required: env.OPSDESK_CONFIG !== undefined,
  });
  if (usedDefaults) log.info({ path: configPath }, "no configuration file; using built-in defaults");

  const location = locateDatabase(env.DATABASE_URL);
  const migration = await waitForDatabase(location, () => migrateDatabase(location), {
    waitMs: env.OPSDESK_DATABASE_WAIT,
    log,
  });
  log.info({ database: location.display, provider: location.provider, ...migration }, "database migrated");

  const database = await openDatabase(location);
  const state: ReadinessState = { migrationsApplied: true, shuttingDown: false };
  let prepared: PreparedConsole;
  try {
    prepared = await prepareConsole({
      env,
      db: database.db,
      provider: location.provider,
      // Someone else's tables in the file make it theirs: never a sandbox, even though OpsDesk migrated it.
      freshDatabase: migration.alreadyApplied === 0 && migration.emptyBefore,
      clock: base,
      config,
    });
    const synced = await syncConfigToDatabase(database.db, location.provider, prepared.config);
    log.info({ ...synced, sandbox: prepared.sandbox.refusal === null }, "configuration synced");
  } catch (error) {
    await database.close();
    throw error;
  }
  const { clock } = prepared.sandbox;
  const deskConfig = prepared.config;

  const server = new HttpServer(log);
  registerHealthRoutes(server, database.db, state);
  // SQLite has one writer: two at a time keeps it busy without making new requests wait behind a crowd.
  const interactionConcurrency = location.provider === "sqlite" ? 2 : 8;
  const chat = await connectChat({
    env,
    config: deskConfig,
    db: database.db,
    clock,
    log,
    server,
    interactionConcurrency,
    console: prepared.console,
  });
  const address = await listenOrExplain(server, env).catch(async (error: unknown) => {
    await chat.stop();
    await database.close();
    throw error;
  });
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  const consoleUrl = prepared.console ? `${consoleHost(url, address)}/console` : undefined;
  if (prepared.console?.access.mode === "on" && !["127.0.0.1", "::1"].includes(address.address)) {
    log.info(
      { host: env.HOST },
      "the console answers only requests from this machine; set OPSDESK_CONSOLE=remote and OPSDESK_CONSOLE_SECRET to open it to others",
    );
  }
  await chat.start();
  const running = practiceList(chat.practices);
  if (prepared.sandbox.refusal === null) {
    clock.onAdvance(() => {
      for (const practice of running) {
        practice
          .afterClockJump?.()
          .catch((error: unknown) =>
            log.error({ err: error, practice: practice.practice.id }, "catching up after time travel failed"),
          );
      }
    });
  }
  const scheduler = createScheduler({
    env,
    db: database.db,
    clock,
    log,
    replicaId: chat.dispatcher.replicaId,
  });
  for (const practice of running) for (const job of practice.jobs) scheduler.register(job);
  const sla = { intervalMs: deskConfig.sla.sweepIntervalMs, sweep: chat.practices.incidents.sweep };
  scheduler.start();
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
      // Before the outbox stops, so posts a last run queued are still handed to the dispatcher's last round.
      await scheduler.stop();
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
    practices: chat.practices,
    incidents: chat.practices.incidents.incidents,
    changes: chat.practices.changes.changes,
    outbox: chat.dispatcher,
    clock,
    ...(consoleUrl ? { consoleUrl } : {}),
    scheduler,
    sla,
    stop,
  };
}

/** Bound to every interface, the console is still opened on this machine: name loopback, not 0.0.0.0. */
function consoleHost(url: string, address: AddressInfo): string {
  if (address.address === "0.0.0.0") return `http://127.0.0.1:${address.port}`;
  if (address.address === "::") return `http://[::1]:${address.port}`;
  return url;
}

/** The one HTTP port: taken or forbidden is the operator's to fix, so say which and how. */
async function listenOrExplain(server: HttpServer, env: Env): Promise<AddressInfo> {
  try {
    return await server.listen(env.PORT, env.HOST);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const where = `${env.HOST}:${env.PORT}`;
    if (code === "EADDRINUSE")
      throw new StartupError(
        `Port ${env.PORT} on ${env.HOST} is already in use (another OpsDesk or another program): stop it, or set PORT to a free port.`,
        { cause: error },
      );
    if (code === "EACCES")
      throw new StartupError(
        `OpsDesk may not listen on ${where} (EACCES): ports below 1024 need privileges; set PORT to 1024 or above.`,
        { cause: error },
      );
    if (code === "EADDRNOTAVAIL")
      throw new StartupError(
        `${env.HOST} is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0.`,
        { cause: error },
      );
    throw error;
  }
}
