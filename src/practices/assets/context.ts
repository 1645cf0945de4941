import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";

/** Everything the asset use cases need; built once by module.ts. */
export interface AssetContext {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  /** A CI an asset runs is checked through the directory (the CMDB is another practice). */
  tickets: TicketDirectory;
  onCommitted?: () => void;
}
