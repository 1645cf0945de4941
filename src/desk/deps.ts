import type { Clock } from "../kernel/clock.js";
import type { Logger } from "../log.js";
import type { ChangeContext } from "../practices/changes/context.js";
import type { IncidentContext } from "../practices/incidents/context.js";
import type { SlaRuntime } from "../practices/incidents/sla/runtime.js";
import type { WorkLimiter } from "./work-limiter.js";

/** What a chat adapter's listeners need from the desk: built once, shared by Slack and Discord. */
export interface InteractionDeps {
  incidents: IncidentContext;
  changes: ChangeContext;
  clock: Clock;
  log: Logger;
  sla: SlaRuntime;
  /** Bounds concurrent database work; forms that must open within the trigger's 3 s do not queue. */
  work: WorkLimiter;
}
