import type { IncidentContext } from "./context.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";

/** Who is acting, from where, and the services the core needs. */
export interface InteractionContext {
  platform: Platform;
  actor: Actor;
  incidents: IncidentContext;
}
