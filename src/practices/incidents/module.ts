import type { PracticeEnv, RunningPractice } from "../env.js";
import { incidentCommand } from "./command.js";
import type { IncidentContext } from "./context.js";
import { incidentEventsHook } from "./events-hook.js";
import { incidentPostsHook } from "./posts.js";
import { incidentsPractice, RAISE_INCIDENT } from "./practice.js";
import { onLinkedProblemResolved } from "./problem-resolved.js";
import { slaClocksHook } from "./sla/clock-hook.js";
import { slaCommand } from "./sla/command.js";
import { createSlaRuntime, type SlaRuntime } from "./sla/runtime.js";
import { runSlaSweep, type SlaSweepResult } from "./sla/sweep.js";
import { slaSweepJob } from "./sla/sweep-job.js";

export interface RunningIncidents extends RunningPractice {
  incidents: IncidentContext;
  /** The SLA configuration compiled once (calendars with their caches). */
  sla: SlaRuntime;
  /** One SLA sweep now (the scheduler runs it every `sla.sweepInterval`). */
  sweep(): Promise<SlaSweepResult>;
}

/** Incident management and its SLA clocks: contexts, hooks (clocks before posts) and the sweep job. */
export const incidentsModule = {
  id: "incidents",
  commands: [incidentCommand, slaCommand],
  messageActions: [RAISE_INCIDENT],
  create(env: PracticeEnv): RunningIncidents {
    const { db, clock, config, platforms, log } = env;
    const sla = createSlaRuntime(config);
    const incidents: IncidentContext = {
      db,
      clock,
      priorityMatrix: config.priorityMatrix,
      // Clocks first: the card posted for a change shows the clocks as that change left them.
      // Events before posts: a practice acting on an incident event queues its posts after the incident's.
      onChange: [
        slaClocksHook(sla),
        incidentEventsHook(env.events),
        incidentPostsHook({ config, platforms, sla, tickets: env.tickets }),
      ],
      onCommitted: () => env.wake(),
      tickets: env.tickets,
      advise: env.advise,
    };
    const sweep = () =>
      runSlaSweep({
        db,
        clock,
        config,
        platforms,
        runtime: sla,
        log: log.child({ component: "sla" }),
        onCommitted: () => env.wake(),
      });
    return {
      practice: incidentsPractice({
        incidents,
        sla,
        onTicketEvent: (tx, event) => onLinkedProblemResolved(tx, event, { config, platforms }),
      }),
      incidents,
      sla,
      sweep,
      jobs: [
        slaSweepJob({ every: config.sla.sweepInterval, sweep, logger: log.child({ component: "sla" }) }),
      ],
      afterClockJump: async () => {
        await sweep();
      },
    };
  },
} as const;
