import type { Env } from "../config/env.js";
import type { OpsdeskConfig } from "../config/types.js";
import type { Clock } from "../core/clock.js";
import type { Platform } from "../core/people/actor.js";
import type { Db } from "../db/client.js";
import { runChangePrompts } from "../jobs/change-prompts.js";
import type { Logger } from "../log.js";
import { Scheduler } from "../scheduler/index.js";
import { pruneOldRowsJob } from "../scheduler/jobs/prune-old-rows.js";

/**
 * The scheduler with OpsDesk's built-in jobs registered. Features add theirs (the SLA sweep, change
 * reminders) on `RunningOpsDesk.scheduler`; each job's slots are elected across replicas by the database.
 * It shares the outbox dispatcher's replica id, so one name tells which process did what.
 */
export function createScheduler(input: {
  env: Env;
  db: Db;
  clock: Clock;
  log: Logger;
  replicaId: string;
  config: OpsdeskConfig;
  /** The connected chat platforms; scheduled posts are queued for each. */
  platforms: readonly Platform[];
  /** Wakes the outbox dispatcher after a job queued posts. */
  wakeOutbox: () => void;
}): Scheduler {
  const logger = input.log.child({ component: "scheduler" });
  const scheduler = new Scheduler({
    db: input.db,
    clock: input.clock,
    replicaId: input.replicaId,
    leaseMs: input.env.OPSDESK_CLAIM_LEASE,
    logger,
  });
  scheduler.register(pruneOldRowsJob({ db: input.db, every: input.env.OPSDESK_MAINTENANCE_EVERY, logger }));
  // Reminders, "starting soon", "overrunning" and the CAB agenda; each prompt is keyed so it posts once.
  scheduler.register({
    name: "change-prompts",
    every: "1m",
    run: async ({ now }) => {
      await runChangePrompts(
        { db: input.db, config: input.config, platforms: input.platforms, onQueued: input.wakeOutbox },
        now,
      );
    },
  });
  return scheduler;
}
