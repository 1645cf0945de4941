import type { IncidentChange } from "../context.js";
import { holdReasonLabels, priorityLabels, resolutionCodeLabels } from "./labels.js";

/**
 * The one-line story of a change, posted in the card's thread so the channel reads as a timeline.
 * Internal notes never produce a line: threads are as public as their channel.
 */
export function incidentTimelineLine(change: IncidentChange): string | undefined {
  const who = change.actor.person.displayName;
  const { incident } = change;
  switch (change.kind) {
    case "created":
      return `${who} raised ${incident.ref} (${priorityLabels[incident.priority]}).`;
    case "acknowledged":
      return `${who} acknowledged ${incident.ref}.`;
    case "assigned":
      return `${who} assigned ${incident.ref} to ${incident.assignee?.displayName ?? incident.assignedGroup?.name ?? "nobody"}.`;
    case "note_added":
      return change.visibility === "internal" ? undefined : `${who} added a note: ${change.body ?? ""}`;
    case "priority_changed":
      return `${who} changed the priority to ${priorityLabels[incident.priority]}${change.body ? `: ${change.body}` : "."}`;
    case "put_on_hold":
      return `${who} put ${incident.ref} on hold (${incident.holdReason ? holdReasonLabels[incident.holdReason] : "on hold"})${change.body ? `: ${change.body}` : "."}`;
    case "resumed":
      return `${who} resumed work on ${incident.ref}.`;
    case "resolved":
      return `${who} resolved ${incident.ref} (${incident.resolutionCode ? resolutionCodeLabels[incident.resolutionCode] : "resolved"}): ${incident.resolutionNote ?? ""}`;
    case "reopened":
      return `${who} reopened ${incident.ref}${change.body ? `: ${change.body}` : "."}`;
    case "closed":
      return `${who} closed ${incident.ref}.`;
    case "cancelled":
      return `${who} cancelled ${incident.ref}${change.body ? `: ${change.body}` : "."}`;
    case "major_declared":
      return `${who} declared ${incident.ref} a major incident.`;
    default:
      return undefined;
  }
}
