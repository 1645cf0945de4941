import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Platform } from "../../kernel/people/actor.js";

/** What the reports practice runs on: the database, the clock, the desk's calendar and its services. */
export interface ReportsContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly timezone: string;
  readonly serviceIds: ReadonlySet<string>;
  readonly platforms: readonly Platform[];
  /** After charts were queued: wakes the outbox dispatcher. */
  onQueued(): void;
}
