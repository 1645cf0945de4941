import type { Actor, Platform } from "../../kernel/people/actor.js";
import type { ChangeContext } from "./context.js";

/** Who is acting on a change, from where, and the change services. */
export interface ChangeRequest {
  platform: Platform;
  actor: Actor;
  changes: ChangeContext;
}
