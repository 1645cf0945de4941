import type { PracticeEnv, RunningPractice } from "../env.js";
import { reportCommand } from "./command.js";
import type { ReportsContext } from "./context.js";
import { improveCommand } from "./improvement/command.js";
import { improvementReviewJob } from "./improvement/review-job.js";
import { digestsJob } from "./jobs/digests.js";
import { reportsPractice } from "./practice.js";
import { deskGauges } from "./sources/gauges.js";

/**
 * Reports: read-only over the other practices' tables (each read in one file under sources/, never through
 * their code), charts drawn on the server and sent through the outbox.
 */
export const reportsModule = {
  id: "reports",
  commands: [reportCommand, improveCommand],
  create(env: PracticeEnv): RunningPractice {
    const reports: ReportsContext = {
      db: env.db,
      clock: env.clock,
      timezone: env.config.timezone,
      serviceIds: new Set(env.config.services.map((service) => service.id)),
      platforms: env.platforms,
      onQueued: () => env.wake(),
    };
    return {
      practice: reportsPractice(reports),
      jobs: [
        digestsJob({ reports, digests: env.config.reports.digests }),
        improvementReviewJob({ reports, config: env.config }),
      ],
      gauges: () => deskGauges(env.db, env.clock.now()),
    };
  },
} as const;
