import type { OpsdeskConfig } from "../../config/types.js";
import { databaseEngine } from "../../db/engine.js";
import type { PracticeEnv, RunningPractice } from "../env.js";
import { problemCommand } from "./command.js";
import type { ProblemContext } from "./context.js";
import { problemEventsHook } from "./events-hook.js";
import type { ProblemManagers } from "./permissions.js";
import { problemPostsHook } from "./posts.js";
import { problemsPractice } from "./practice.js";
import { recurringIncidentsJob } from "./recurring/job.js";
import { runRecurringIncidents } from "./recurring/run.js";

export interface RunningProblems extends RunningPractice {
  problems: ProblemContext;
  /** The recurring-incident job now (the scheduler runs it every hour). */
  recurring(now: Date): Promise<number>;
}

/** Problem management: its context, the events and posts hooks. */
export const problemsModule = {
  id: "problems",
  commands: [problemCommand],
  create(env: PracticeEnv): RunningProblems {
    const { db, clock, config, platforms } = env;
    const problems: ProblemContext = {
      db,
      clock,
      priorityMatrix: config.priorityMatrix,
      managers: managersOf(config),
      tickets: env.tickets,
      engine: databaseEngine(db),
      // Events before posts: a practice acting on a problem event queues its posts after the problem's.
      onChange: [
        problemEventsHook(env.events),
        problemPostsHook({ config, platforms, tickets: env.tickets }),
      ],
      onCommitted: () => env.wake(),
    };
    const recurring = { problems, config, platforms };
    return {
      practice: problemsPractice({ problems, recurring }),
      problems,
      recurring: (now) => runRecurringIncidents(recurring, now),
      jobs: [recurringIncidentsJob(recurring)],
    };
  },
} as const;

function managersOf(config: OpsdeskConfig): ProblemManagers {
  const group = config.problems.managers
    ? config.groups.find((g) => g.id === config.problems.managers)
    : undefined;
  if (!group) return { group: null, personIds: new Set() };
  return {
    group: { id: group.id, name: group.name },
    personIds: new Set(group.members.map((m) => m.personId)),
  };
}
