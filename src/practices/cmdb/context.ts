import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ImpactLineCache } from "./impact-cache.js";
import { builtInCiTypes } from "./model.js";

/** Everything the CMDB's use cases need; built once by module.ts. */
export interface CmdbContext {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  /** Other practices' items (the tickets linked to a CI) are read only through the directory. */
  tickets: TicketDirectory;
  /** Built-in types and those added under cmdb.types in opsdesk.yaml. */
  types: readonly string[];
  /** Cards' impact lines, kept while the graph is unchanged. */
  impactLines: ImpactLineCache;
  onCommitted?: () => void;
}

export function ciTypesOf(config: OpsdeskConfig): string[] {
  return [...new Set([...builtInCiTypes, ...config.cmdb.types])];
}
