import { type PostText, postText } from "../../../kernel/views/post-text.js";
import type { IncidentChange } from "../context.js";
import { holdReasonLabels, priorityLabels, resolutionCodeLabels } from "./labels.js";

/**
 * The one-line story of a change, posted in the card's thread so the channel reads as a timeline.
 * Internal notes never produce a line: threads are as public as their channel. Names, notes and reasons
 * are people's words: postText carries them as user text, which no platform shows as markup.
 */
export function incidentTimelineLine(change: IncidentChange): PostText | undefined {
  const who = change.actor.person.displayName;
  const { incident } = change;
  const because = (body: string | undefined | null): PostText => (body ? postText`: ${body}` : postText`.`);
  switch (change.kind) {
    case "created":
      return postText`${who} raised ${incident.ref} (${priorityLabels[incident.priority]}).`;
    case "acknowledged":
      return postText`${who} acknowledged ${incident.ref}.`;
    case "assigned":
      return postText`${who} assigned ${incident.ref} to ${incident.assignee?.displayName ?? incident.assignedGroup?.name ?? "nobody"}.`;
    case "note_added":
      return change.visibility === "internal"
        ? undefined
        : postText`${who} added a note: ${change.body ?? ""}`;
    case "priority_changed":
      return postText`${who} changed the priority to ${priorityLabels[incident.priority]}${because(change.body)}`;
    case "put_on_hold":
      return postText`${who} put ${incident.ref} on hold (${incident.holdReason ? holdReasonLabels[incident.holdReason] : "on hold"})${because(change.body)}`;
    case "resumed":
      return postText`${who} resumed work on ${incident.ref}.`;
    case "resolved":
      return postText`${who} resolved ${incident.ref} (${incident.resolutionCode ? resolutionCodeLabels[incident.resolutionCode] : "resolved"}): ${incident.resolutionNote ?? ""}`;
    case "reopened":
      return postText`${who} reopened ${incident.ref}${because(change.body)}`;
    case "closed":
      return postText`${who} closed ${incident.ref}.`;
    case "cancelled":
      return postText`${who} cancelled ${incident.ref}${because(change.body)}`;
    case "major_declared":
      return postText`${who} declared ${incident.ref} a major incident.`;
    case "linked":
      return postText`${who} linked ${incident.ref}: ${change.body ?? ""}`;
    case "unlinked":
      return postText`${who} removed the link from ${incident.ref}: ${change.body ?? ""}`;
    default:
      return undefined;
  }
}
