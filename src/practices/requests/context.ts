import type { OpsdeskConfig } from "../../config/types.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Platform } from "../../kernel/people/actor.js";

/** Everything the request services need; mirrors ChangeContext. */
export interface RequestContext {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  /** The platforms OpsDesk posts to; request posts are queued for each. */
  platforms: readonly Platform[];
  onCommitted?: () => void;
}
