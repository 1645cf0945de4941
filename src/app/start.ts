import type { AddressInfo } from "node:net";
import type { Env } from "../config/env.js";
import { loadConfigFile } from "../config/load.js";
import type { OpsdeskConfig } from "../config/types.js";
import { type Clock, systemClock } from "../core/clock.js";
import type { IncidentContext } from "../core/incidents/context.js";
import { type DatabaseHandle, openDatabase } from "../db/client.js";
import { locateDatabase } from "../db/location.js";
import { migrateDatabase } from "../db/migrate.js";
import { type ReadinessState, registerHealthRoutes } from "../http/health.js";
import { HttpServer } from "../http/server.js";
import type { Logger } from "../log.js";
import type { OutboxDispatcher } from "../outbox/index.js";
import { runSlaSweep, type SlaSweepResult } from "../sla/sweep.js";
import { connectChat } from "./connect-chat.js";
import { syncConfigToDatabase } from "./sync-config.js";

export interface RunningOpsDesk {
  address: AddressInfo;
  url: string;
  config: OpsdeskConfig;
  database: DatabaseHandle;
  incidents: IncidentContext;
  outbox: OutboxDispatcher;
  /** The SLA sweep and how often to run it (`sla.sweepInterval`); the scheduler runs it on that interval. */
  sla: { sweep(): Promise<SlaSweepResult>; intervalMs: number };
  /** Graceful stop: not ready, stop accepting, finish requests in flight, close the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  log: Logger;
  clock?: Clock;
}

/** Starts OpsDesk: configuration, migrations, config sync, then the HTTP server. */
export async function startOpsDesk({ env, log, clock = systemClock }: StartOptions): Promise<RunningOpsDesk> {
  const startedAt = performance.now();
  const { config, usedDefaults } = await loadConfigFile(env.OPSDESK_CONFIG);
  if (usedDefaults) log.info({ path: env.OPSDESK_CONFIG }, "no configuration file; using built-in defaults");

  const location = locateDatabase(env.DATABASE_URL);
  const migration = await migrateDatabase(location);
  log.info({ database: location.display, provider: location.provider, ...migration }, "database migrated");

  const database = openDatabase(location);
  const state: ReadinessState = { migrationsApplied: true, shuttingDown: false };
  try {
    const synced = await syncConfigToDatabase(database.db, location.provider, config);
    log.info(synced, "configuration synced");
  } catch (error) {
    await database.close();
    throw error;
  }

  const server = new HttpServer(log);
  registerHealthRoutes(server, database.db, state);
  const chat = connectChat({ env, config, db: database.db, clock, log, server });
  const address = await server.listen(env.PORT, env.HOST);
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  await chat.start();
  log.info(
    { url, platforms: chat.platforms, startupMs: Math.round(performance.now() - startedAt) },
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
  const sla = {
    intervalMs: config.sla.sweepIntervalMs,
    sweep: () =>
      runSlaSweep({
        db: database.db,
        clock,
        config,
        platforms: chat.platforms,
        runtime: chat.sla,
        log: log.child({ component: "sla" }),
        onCommitted: () => chat.dispatcher.wake(),
      }),
  };
  return { address, url, config, database, incidents: chat.incidents, outbox: chat.dispatcher, sla, stop };
}
