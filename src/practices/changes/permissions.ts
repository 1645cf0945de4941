import { ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import type { ChangeAction, ChangeSnapshot } from "./model.js";

/**
 * Who may work a change. Requesting one takes an agent, an admin or a CAB member. The requester and the
 * assignee drive their change through its lifecycle; agents may do it for them. Votes have their own
 * rules (approvals.ts).
 */
export function mayRequestChanges(actor: Actor): boolean {
  return isAgent(actor) || actor.roles.has("cab");
}

export function assertMayRequestChanges(actor: Actor): void {
  if (mayRequestChanges(actor)) return;
  throw new ForbiddenError(
    "Only agents and CAB members can request changes. Ask the service desk to raise it for you.",
  );
}

export function mayWork(actor: Actor, change: ChangeSnapshot): boolean {
  const me = actor.person.id;
  return isAgent(actor) || change.requester.id === me || change.assignee?.id === me;
}

export function assertMayWork(actor: Actor, change: ChangeSnapshot, action: ChangeAction): void {
  if (action === "approve" || action === "reject") return;
  if (mayWork(actor, change)) return;
  throw new ForbiddenError(
    `Only the requester of ${change.ref} (${change.requester.displayName}), its implementer or an agent can do that.`,
  );
}
