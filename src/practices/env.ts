import type { OpsdeskConfig } from "../config/types.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import type { Platform } from "../kernel/people/actor.js";
import type { Practice } from "../kernel/practice.js";
import type { Logger } from "../log.js";
import type { JobDefinition } from "../scheduler/index.js";

/** What every practice is built from: shared services, never another practice. */
export interface PracticeEnv {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  /** The platforms OpsDesk posts to; posts are queued for each. */
  platforms: readonly Platform[];
  log: Logger;
  /** Called after a change committed with posts queued: wakes the outbox dispatcher. */
  wake(): void;
}

/** One practice, running: what the desk routes to, its scheduled jobs, and what it does on time travel. */
export interface RunningPractice {
  practice: Practice;
  jobs: readonly JobDefinition[];
  /** The sandbox clock jumped: catch up at once (e.g. sweep SLA clocks) instead of at the next slot. */
  afterClockJump?(): Promise<void>;
}
