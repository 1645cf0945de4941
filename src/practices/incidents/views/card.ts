import type { LinkSection } from "../../../kernel/tickets/link-fields.js";
import type { Card, CardAction, CardField, CardLink } from "../../../kernel/views/card.js";
import type { IncidentAction, IncidentSnapshot } from "../model.js";
import { incidentActionId, incidentActionPresentation } from "./actions.js";
import { incidentIntent } from "./intent.js";
import {
  holdReasonLabels,
  impactLabels,
  priorityLabels,
  resolutionCodeLabels,
  statusLabels,
  urgencyLabels,
} from "./labels.js";

function statusText(incident: IncidentSnapshot): string {
  const status = statusLabels[incident.status];
  return incident.status === "on_hold" && incident.holdReason !== null
    ? `${status} · ${holdReasonLabels[incident.holdReason]}`
    : status;
}

function resolutionFields(incident: IncidentSnapshot): CardField[] {
  if (incident.resolutionCode === null) return [];
  const fields: CardField[] = [{ label: "Resolution", value: resolutionCodeLabels[incident.resolutionCode] }];
  if (incident.resolutionNote !== null && incident.resolutionNote !== "") {
    fields.push({ label: "Resolution note", value: incident.resolutionNote });
  }
  return fields;
}

function context(incident: IncidentSnapshot): string | undefined {
  const parts = [
    incident.category === null ? undefined : `Category: ${incident.category}`,
    incident.assignedGroup === null ? undefined : `Group: ${incident.assignedGroup.name}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(" · ");
}

export function incidentCardAction(incident: IncidentSnapshot, action: IncidentAction): CardAction {
  const { label, style, form, confirm } = incidentActionPresentation[action];
  return {
    id: incidentActionId(action),
    label,
    style,
    value: incident.ref,
    ...(form === undefined ? {} : { requiresInput: form }),
    ...(confirm === undefined ? {} : { confirm }),
  };
}

/**
 * The incident card. `actions` are the ones the lifecycle allows for this viewer, computed by the caller;
 * the card shows exactly those, in that order.
 */
export function incidentCard(
  incident: IncidentSnapshot,
  actions: readonly IncidentAction[],
  options: {
    readonly links?: readonly CardLink[];
    readonly sla?: string;
    /** Its links to other practices' items, with the buttons their owners offer here. */
    readonly linked?: Pick<LinkSection, "fields" | "actions">;
  } = {},
): Card {
  const body = incident.description.trim();
  const contextLine = context(incident);
  return {
    type: "card",
    title: `${incident.ref} · ${incident.title}`,
    ...(incident.major ? { subtitle: "Major incident" } : {}),
    badge: { text: statusLabels[incident.status], intent: incidentIntent(incident) },
    fields: [
      { label: "Status", value: statusText(incident), inline: true },
      { label: "Priority", value: priorityLabels[incident.priority], inline: true },
      { label: "Impact", value: impactLabels[incident.impact], inline: true },
      { label: "Urgency", value: urgencyLabels[incident.urgency], inline: true },
      { label: "Service", value: incident.service?.name ?? "None", inline: true },
      { label: "Assignee", value: incident.assignee?.displayName ?? "Unassigned", inline: true },
      { label: "Reporter", value: incident.reporter.displayName, inline: true },
      { label: "Major incident", value: incident.major ? "Yes" : "No", inline: true },
      ...resolutionFields(incident),
      // The SLA line, updated in place as clocks move (warnings refresh it between changes).
      ...(options.sla === undefined || options.sla === "" ? [] : [{ label: "SLA", value: options.sla }]),
      ...(options.linked?.fields ?? []),
    ],
    ...(body === "" ? {} : { body }),
    ...(contextLine === undefined ? {} : { context: contextLine }),
    timestamp: incident.createdAt,
    actions: [
      ...actions.map((action) => incidentCardAction(incident, action)),
      ...(options.linked?.actions ?? []),
    ],
    links: options.links ?? [],
  };
}
