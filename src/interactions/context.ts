import type { IncidentContext } from "../core/incidents/context.js";
import type { Actor, Platform } from "../core/people/actor.js";

/** Who is acting, from where, and the services the core needs. */
export interface InteractionContext {
  platform: Platform;
  actor: Actor;
  incidents: IncidentContext;
}
