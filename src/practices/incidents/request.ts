import type { Actor, Platform } from "../../kernel/people/actor.js";
import type { IncidentContext } from "./context.js";

/** An incident request: who is acting, from where, and the incident services. */
export interface IncidentRequest {
  platform: Platform;
  actor: Actor;
  incidents: IncidentContext;
}
