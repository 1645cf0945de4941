import type { Actor } from "../../kernel/people/actor.js";
import { actionsAllowedIn } from "./lifecycle.js";
import type { IncidentAction, IncidentSnapshot } from "./model.js";
import { mayPerform } from "./permissions.js";

/**
 * The buttons a card shows: what the lifecycle allows in the current state, minus what is pointless
 * (acknowledging twice, taking what someone already holds, declaring major twice). Rights are checked when a
 * button is pressed, because a card in a channel is shared by everyone who sees it.
 */
export function availableIncidentActions(incident: IncidentSnapshot): IncidentAction[] {
  return actionsAllowedIn(incident.status).filter((action) => {
    if (action === "acknowledge") return !incident.acknowledgedAt;
    if (action === "declare_major") return !incident.major;
    if (action === "assign_to_me") return !incident.assignee; // taking over is done by name (decide.ts)
    if (action === "assign") return false; // needs a person picker; offered through the text grammar
    // Offered only where its problem was resolved (the message to the reporter and assignee).
    if (action === "resolve_fixed_by_problem") return false;
    return true;
  });
}

/** For private views (a person's own reply), only what this person may do. */
export function actionsFor(actor: Actor, incident: IncidentSnapshot): IncidentAction[] {
  return availableIncidentActions(incident).filter((action) => mayPerform(actor, incident, action));
}
