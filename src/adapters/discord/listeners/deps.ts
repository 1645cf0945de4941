import type { ChangeContext } from "../../../core/changes/context.js";
import type { Clock } from "../../../core/clock.js";
import type { IncidentContext } from "../../../core/incidents/context.js";
import type { Logger } from "../../../log.js";

/** What every Discord listener needs; handed to the dispatcher once. */
export interface DiscordListenerDeps {
  incidents: IncidentContext;
  changes: ChangeContext;
  clock: Clock;
  log: Logger;
}
