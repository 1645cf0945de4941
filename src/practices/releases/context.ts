import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { TicketEventBus } from "../../kernel/tickets/events.js";

/** Everything the release services need: the shared services and the kernel's cross-practice seams. */
export interface ReleaseContext {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  /** The included changes, and incidents a release caused, are read and linked only through these. */
  tickets: TicketDirectory;
  events: TicketEventBus;
  onCommitted?: () => void;
}
