import type { OpsdeskConfig } from "../../config/types.js";
import type { ChangeContext } from "../../core/changes/context.js";
import type { IncidentContext } from "../../core/incidents/context.js";
import type { WorkLimiter } from "../../interactions/work-limiter.js";
import type { Logger } from "../../log.js";
import type { SlaRuntime } from "../../sla/runtime.js";
import type { ConsoleAccess } from "./access.js";
import type { LiveHub } from "./live/hub.js";
import type { ConsoleMessageStore } from "./messages/store.js";
import type { ConsoleSandbox } from "./sandbox.js";

/** What every console listener needs; built once in app.ts. */
export interface ConsoleDeps {
  incidents: IncidentContext;
  changes: ChangeContext;
  sla: SlaRuntime;
  config: OpsdeskConfig;
  store: ConsoleMessageStore;
  hub: LiveHub;
  sandbox: ConsoleSandbox;
  access: ConsoleAccess;
  log: Logger;
  /** Shares the database with Slack's and Discord's interactions, first come first served. */
  work: WorkLimiter;
  /** Ends every open event stream; registered with the server's shutdown. */
  streams: Set<() => void>;
}
