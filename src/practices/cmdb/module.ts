import type { PracticeEnv, RunningPractice } from "../env.js";
import { cmdbCommand } from "./command.js";
import { type CmdbContext, ciTypesOf } from "./context.js";
import { ImpactLineCache } from "./impact-cache.js";
import { catalogImportJob } from "./jobs.js";
import { cmdbPractice } from "./practice.js";
import { syncServiceCis } from "./sync-services.js";

export interface RunningCmdb extends RunningPractice {
  cmdb: CmdbContext;
}

/** The CMDB: configuration items and relationships, opsdesk.yaml's services mirrored as business services at start. */
export const cmdbModule = {
  id: "cmdb",
  commands: [cmdbCommand],
  create(env: PracticeEnv): RunningCmdb {
    const cmdb: CmdbContext = {
      db: env.db,
      clock: env.clock,
      config: env.config,
      platforms: env.platforms,
      tickets: env.tickets,
      types: ciTypesOf(env.config),
      impactLines: new ImpactLineCache(),
      onCommitted: () => env.wake(),
    };
    return {
      practice: cmdbPractice(cmdb),
      cmdb,
      jobs: catalogImportJob({ db: env.db, settings: env.config.cmdb, log: env.log }),
      start: () => syncServiceCis(env.db, env.config, env.clock.now()),
    };
  },
} as const;
