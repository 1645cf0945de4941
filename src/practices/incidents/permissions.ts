import { ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import type { IncidentAction, IncidentSnapshot } from "./model.js";

/**
 * Who may do what. Agents (and admins) work incidents. The person who reported an incident may add public
 * notes, resolve it (it fixed itself), reopen it and cancel it, but nothing else, and nothing on other
 * people's incidents.
 */
const reporterMay: ReadonlySet<IncidentAction> = new Set([
  "add_note",
  "resolve",
  "resolve_fixed_by_problem",
  "reopen",
  "cancel",
]);

export function mayPerform(actor: Actor, incident: IncidentSnapshot, action: IncidentAction): boolean {
  if (isAgent(actor)) return true;
  return incident.reporter.id === actor.person.id && reporterMay.has(action);
}

export function assertMayPerform(actor: Actor, incident: IncidentSnapshot, action: IncidentAction): void {
  if (mayPerform(actor, incident, action)) return;
  if (reporterMay.has(action)) {
    throw new ForbiddenError(
      `Only agents or the person who reported ${incident.ref} (${incident.reporter.displayName}) can do that. ` +
        "Ask the service desk to help.",
    );
  }
  throw new ForbiddenError(
    `Only agents can do that to ${incident.ref}. Ask an admin to add you to an agent group in opsdesk.yaml ` +
      "if you work incidents.",
  );
}

/** Internal notes are for agents only; callers and reporters never see them. */
export function assertMayWriteInternal(actor: Actor): void {
  if (!isAgent(actor))
    throw new ForbiddenError("Only agents can add internal notes. Add a public note instead.");
}
