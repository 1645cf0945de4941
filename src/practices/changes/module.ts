import type { PracticeEnv, RunningPractice } from "../env.js";
import { changeCommand } from "./command.js";
import type { ChangeContext } from "./context.js";
import { changeEventsHook } from "./events-hook.js";
import { changePromptsJob } from "./jobs/prompts.js";
import { changePostsHook } from "./posts.js";
import { changesPractice } from "./practice.js";

export interface RunningChanges extends RunningPractice {
  changes: ChangeContext;
}

/** Change enablement: its context, the posts hook and the scheduled prompts (reminders, agenda). */
export const changesModule = {
  id: "changes",
  commands: [changeCommand],
  create(env: PracticeEnv): RunningChanges {
    const { db, clock, config, platforms } = env;
    const changes: ChangeContext = {
      db,
      clock,
      settings: config.changes,
      timezone: config.timezone,
      tickets: env.tickets,
      dependencies: Object.fromEntries(config.services.map((service) => [service.id, service.dependsOn])),
      onChange: [changeEventsHook(env.events), changePostsHook({ config, platforms, tickets: env.tickets })],
      onCommitted: () => env.wake(),
    };
    return {
      practice: changesPractice({ changes }),
      changes,
      jobs: [changePromptsJob({ db, config, platforms, onQueued: () => env.wake() })],
    };
  },
} as const;
