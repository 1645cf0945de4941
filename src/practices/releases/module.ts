import type { PracticeEnv, RunningPractice } from "../env.js";
import { releaseCommand } from "./command.js";
import type { ReleaseContext } from "./context.js";
import { releasesPractice } from "./practice.js";

export interface RunningReleases extends RunningPractice {
  releases: ReleaseContext;
}

/** Release management: its context over the shared services and the kernel's ticket directory and events. */
export const releasesModule = {
  id: "releases",
  commands: [releaseCommand],
  create(env: PracticeEnv): RunningReleases {
    const releases: ReleaseContext = {
      db: env.db,
      clock: env.clock,
      config: env.config,
      platforms: env.platforms,
      tickets: env.tickets,
      events: env.events,
      onCommitted: () => env.wake(),
    };
    return { practice: releasesPractice(releases), releases, jobs: [] };
  },
} as const;
