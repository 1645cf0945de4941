import type { Actor, Platform } from "../../kernel/people/actor.js";
import type { IncidentContext } from "./context.js";

/** Who is acting, from where, and the services the core needs. */
export interface InteractionContext {
  platform: Platform;
  actor: Actor;
  incidents: IncidentContext;
}
