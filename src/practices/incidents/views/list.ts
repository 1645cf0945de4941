import type { List, ListItem } from "../../../kernel/views/list.js";
import type { IncidentSnapshot } from "../model.js";
import { incidentIntent } from "./intent.js";
import { priorityLabels, statusLabels } from "./labels.js";

function incidentListItem(incident: IncidentSnapshot): ListItem {
  return {
    ref: incident.ref,
    title: incident.title,
    fields: [
      { label: "Status", value: statusLabels[incident.status], inline: true },
      { label: "Priority", value: priorityLabels[incident.priority], inline: true },
      { label: "Assignee", value: incident.assignee?.displayName ?? "Unassigned", inline: true },
    ],
    intent: incidentIntent(incident),
  };
}

export function incidentList(
  title: string,
  incidents: readonly IncidentSnapshot[],
  emptyText = "No incidents to show.",
): List {
  return { type: "list", title, items: incidents.map(incidentListItem), emptyText };
}
