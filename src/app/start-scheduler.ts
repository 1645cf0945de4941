import type { Env } from "../config/env.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
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
  return scheduler;
}
