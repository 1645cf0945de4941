import { changesModule } from "./changes/module.js";
import type { PracticeEnv, RunningPractice } from "./env.js";
import { incidentsModule } from "./incidents/module.js";
import { requestsModule } from "./requests/module.js";

/**
 * The one list of practices. A new practice is a folder under src/practices with a `module.ts`, and one
 * line here; the desk, the adapters, the manifests and the scheduler find it from this list.
 */
export const practiceModules = [incidentsModule, changesModule, requestsModule] as const;

export type RunningPractices = {
  [M in (typeof practiceModules)[number] as M["id"]]: ReturnType<M["create"]>;
};

export type { PracticeEnv, RunningPractice } from "./env.js";

export function createPractices(env: PracticeEnv): RunningPractices {
  return Object.fromEntries(practiceModules.map((m) => [m.id, m.create(env)])) as RunningPractices;
}

/** The running practices as a list, in the order of `practiceModules`. */
export function practiceList(running: RunningPractices): RunningPractice[] {
  return practiceModules.map((m) => running[m.id]);
}
