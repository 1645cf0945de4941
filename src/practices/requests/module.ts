import type { SweepResult } from "../../kernel/sla/store/index.js";
import type { PracticeEnv, RunningPractice } from "../env.js";
import { chaseApprovals } from "./approval-deadlines.js";
import { requestCommand } from "./command.js";
import type { RequestContext } from "./context.js";
import { requestsPractice } from "./practice.js";
import { runRequestSlaSweep } from "./sla/sweep.js";

export interface RunningRequests extends RunningPractice {
  requests: RequestContext;
  /** One sweep of the requests' SLA clocks now (the scheduler runs it every `sla.sweepInterval`). */
  sweep(): Promise<SweepResult>;
}

/** Service request management: the catalog from opsdesk.yaml, `/request`, approvals, tasks and SLAs. */
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
    const log = env.log.child({ component: "request-sla" });
    const sweep = () => runRequestSlaSweep({ ...requests, log });
    return {
      practice: requestsPractice(requests),
      requests,
      sweep,
      jobs: [
        {
          // One replica per slot; a slot run twice is harmless: each alert is recorded once, whoever sweeps.
          name: "request-sla-sweep",
          every: env.config.sla.sweepInterval,
          async run({ slot }) {
            const result = await sweep();
            if (result.clocks > 0) log.info({ job: "request-sla-sweep", slot, ...result }, "SLA sweep ran");
          },
        },
        {
          // Deadlines are business hours: checking every minute is timely and cheap (undecided rows only).
          name: "request-approval-deadlines",
          every: "1m",
          async run({ slot }) {
            const result = await chaseApprovals(requests);
            if (result.reminded + result.escalated > 0)
              env.log.info({ job: "request-approval-deadlines", slot, ...result }, "approvals chased");
          },
        },
      ],
      afterClockJump: async () => {
        await sweep();
        await chaseApprovals(requests);
      },
    };
  },
} as const;
