import type { PracticeEnv, RunningPractice } from "../env.js";
import { continuityCommand } from "./command.js";
import type { ContinuityContext } from "./context.js";
import { continuityTickJob } from "./jobs/tick.js";
import { continuityPractice } from "./practice.js";

export interface RunningContinuity extends RunningPractice {
  continuity: ContinuityContext;
}

/** Service continuity: plans from opsdesk.yaml, runs in the database, the countdown and drill reminders. */
export const continuityModule = {
  id: "continuity",
  commands: [continuityCommand],
  create(env: PracticeEnv): RunningContinuity {
    const continuity: ContinuityContext = {
      db: env.db,
      clock: env.clock,
      config: env.config,
      platforms: env.platforms,
      tickets: env.tickets,
      onCommitted: () => env.wake(),
    };
    return {
      practice: continuityPractice(continuity),
      continuity,
      jobs: [
        continuityTickJob({
          db: env.db,
          config: env.config,
          platforms: env.platforms,
          onQueued: () => env.wake(),
        }),
      ],
    };
  },
} as const;
