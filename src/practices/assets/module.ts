import type { PracticeEnv, RunningPractice } from "../env.js";
import { assetCommand } from "./command.js";
import type { AssetContext } from "./context.js";
import { assetsPractice } from "./practice.js";
import { assetWarningsJob } from "./warnings.js";

export interface RunningAssets extends RunningPractice {
  assets: AssetContext;
}

/** IT asset management: hardware, software, licences, handovers and the asset channel's warnings. */
export const assetsModule = {
  id: "assets",
  commands: [assetCommand],
  create(env: PracticeEnv): RunningAssets {
    const assets: AssetContext = {
      db: env.db,
      clock: env.clock,
      config: env.config,
      platforms: env.platforms,
      tickets: env.tickets,
      onCommitted: () => env.wake(),
    };
    return {
      practice: assetsPractice(assets),
      assets,
      jobs: [
        assetWarningsJob({
          db: env.db,
          config: env.config,
          platforms: env.platforms,
          onQueued: () => env.wake(),
        }),
      ],
    };
  },
} as const;
