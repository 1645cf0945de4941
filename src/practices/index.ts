import type { Advice } from "../kernel/practice.js";
import { createTicketDirectory } from "../kernel/tickets/directory.js";
import { createTicketEventBus } from "../kernel/tickets/events.js";
import { assetsModule } from "./assets/module.js";
import { changesModule } from "./changes/module.js";
import { cmdbModule } from "./cmdb/module.js";
import { continuityModule } from "./continuity/module.js";
import type { PracticeEnv, PracticeServices, RunningPractice } from "./env.js";
import { incidentsModule } from "./incidents/module.js";
import { problemsModule } from "./problems/module.js";
import { releasesModule } from "./releases/module.js";
import { reportsModule } from "./reports/module.js";
import { requestsModule } from "./requests/module.js";

/**
 * The one list of practices. A new practice is a folder under src/practices with a `module.ts`, and one
 * line here; the desk, the adapters, the manifests and the scheduler find it from this list.
 */
export const practiceModules = [
  incidentsModule,
  changesModule,
  problemsModule,
  releasesModule,
  continuityModule,
  requestsModule,
  reportsModule,
  cmdbModule,
  assetsModule,
] as const;

export type RunningPractices = {
  [M in (typeof practiceModules)[number] as M["id"]]: ReturnType<M["create"]>;
};

export type { PracticeEnv, PracticeServices, RunningPractice } from "./env.js";

/**
 * Creates every practice with the shared services and the kernel's cross-practice seams (ticket directory,
 * event bus, advice), which read the practices lazily: they exist once this returns.
 */
export function createPractices(services: PracticeServices): RunningPractices {
  let running: RunningPractice[] = [];
  const practices = () => running.map((r) => r.practice);
  const env: PracticeEnv = {
    ...services,
    tickets: createTicketDirectory(() => practices().flatMap((p) => p.tickets ?? [])),
    events: createTicketEventBus(() =>
      practices().flatMap((p) => (p.onTicketEvent ? [p.onTicketEvent.bind(p)] : [])),
    ),
    async advise(tx, draft) {
      const advice: Advice[] = [];
      for (const practice of practices()) advice.push(...((await practice.advise?.(tx, draft)) ?? []));
      return advice;
    },
  };
  const created = Object.fromEntries(practiceModules.map((m) => [m.id, m.create(env)])) as RunningPractices;
  running = practiceList(created);
  return created;
}

/** The running practices as a list, in the order of `practiceModules`. */
export function practiceList(running: RunningPractices): RunningPractice[] {
  return practiceModules.map((m) => running[m.id]);
}
