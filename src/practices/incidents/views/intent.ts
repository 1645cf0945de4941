import type { Intent } from "../../../kernel/views/card.js";
import type { IncidentSnapshot } from "../model.js";

/** Colour intent of an incident: finished work is calm, urgent open work stands out. */
export function incidentIntent(incident: IncidentSnapshot): Intent {
  if (incident.status === "resolved" || incident.status === "closed") return "success";
  if (incident.status === "cancelled") return "neutral";
  if (incident.major || incident.priority === "P1" || incident.priority === "P2") return "danger";
  return incident.status === "on_hold" ? "neutral" : "warning";
}
