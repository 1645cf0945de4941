import type { JobDefinition } from "../../../scheduler/index.js";
import { type RecurringDeps, runRecurringIncidents } from "./run.js";

/** Every hour, one replica per slot (the scheduler's election); the run itself is safe to repeat. */
export function recurringIncidentsJob(deps: RecurringDeps): JobDefinition {
  return {
    name: "recurring-incidents",
    every: "1h",
    run: async ({ now }) => {
      await runRecurringIncidents(deps, now);
    },
  };
}
