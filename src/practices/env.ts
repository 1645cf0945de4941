import type { OpsdeskConfig } from "../config/types.js";
import type { Db, Tx } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import type { Platform } from "../kernel/people/actor.js";
import type { Advice, ItemDraft, Practice } from "../kernel/practice.js";
import type { TicketDirectory } from "../kernel/tickets/directory.js";
import type { TicketEventBus } from "../kernel/tickets/events.js";
import type { Logger } from "../log.js";
import type { JobDefinition } from "../scheduler/index.js";

/** The shared services every practice is built from (the composition root hands these over). */
export interface PracticeServices {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  /** The platforms OpsDesk posts to; posts are queued for each. */
  platforms: readonly Platform[];
  log: Logger;
  /** Called after a change committed with posts queued: wakes the outbox dispatcher. */
  wake(): void;
}

/**
 * What every practice is built from: shared services, and the other practices only through the kernel's
 * ticket directory, event bus and advice (never by importing them).
 */
export interface PracticeEnv extends PracticeServices {
  tickets: TicketDirectory;
  events: TicketEventBus;
  /** Every practice's advice for an item being raised, in practice order. */
  advise(tx: Tx, draft: ItemDraft): Promise<Advice[]>;
}

/** One practice, running: what the desk routes to, its scheduled jobs, and what it does on time travel. */
export interface RunningPractice {
  practice: Practice;
  jobs: readonly JobDefinition[];
  /** Runs once at start, after the config sync and before chat is taken in (e.g. mirror config into tables). */
  start?(): Promise<void>;
  /** The sandbox clock jumped: catch up at once (e.g. sweep SLA clocks) instead of at the next slot. */
  afterClockJump?(): Promise<void>;
  /** Gauges for `GET /metrics`, read from the database when Prometheus scrapes. */
  gauges?(): Promise<readonly GaugeSample[]>;
}

/** One gauge value a practice reports; the metric names are fixed in src/metrics (one place). */
export interface GaugeSample {
  readonly metric: "tickets_open" | "sla_clocks" | "sla_breached_clocks";
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}
