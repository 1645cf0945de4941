import type { ChangeContext } from "../../../core/changes/context.js";
import type { Clock } from "../../../core/clock.js";
import type { IncidentContext } from "../../../core/incidents/context.js";
import type { Logger } from "../../../log.js";

/** What every Slack listener needs; handed to `registerSlackListeners` once. */
export interface SlackListenerDeps {
  incidents: IncidentContext;
  changes: ChangeContext;
  clock: Clock;
  log: Logger;
}
