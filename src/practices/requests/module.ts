import type { PracticeEnv, RunningPractice } from "../env.js";
import { requestCommand } from "./command.js";
import type { RequestContext } from "./context.js";
import { requestsPractice } from "./practice.js";

export interface RunningRequests extends RunningPractice {
  requests: RequestContext;
}

/** Service request management: the catalog from opsdesk.yaml, `/request`, approvals and fulfilment tasks. */
export const requestsModule = {
  id: "requests",
  commands: [requestCommand],
  create(env: PracticeEnv): RunningRequests {
    const requests: RequestContext = {
      db: env.db,
      clock: env.clock,
      config: env.config,
      platforms: env.platforms,
      onCommitted: () => env.wake(),
    };
    return { practice: requestsPractice(requests), requests, jobs: [] };
  },
} as const;
