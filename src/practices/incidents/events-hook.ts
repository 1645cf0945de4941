import type { Tx } from "../../db/client.js";
import type { TicketEventBus } from "../../kernel/tickets/events.js";
import type { IncidentChange } from "./context.js";
import { INCIDENT_PREFIX, type IncidentEventKind } from "./model.js";

/**
 * The incident events other practices may act on (src/kernel/tickets/events.ts), in their published words:
 * `raised`, `acknowledged`, `assigned`, `resolved` (data: resolutionCode), `reopened`, `closed`,
 * `cancelled`, `major`. Notes, priority changes, holds and links stay inside the practice.
 */
const published: Partial<Record<IncidentEventKind, string>> = {
  created: "raised",
  acknowledged: "acknowledged",
  assigned: "assigned",
  resolved: "resolved",
  reopened: "reopened",
  closed: "closed",
  cancelled: "cancelled",
  major_declared: "major",
};

export function incidentEventsHook(events: TicketEventBus) {
  return async (tx: Tx, change: IncidentChange): Promise<void> => {
    const type = published[change.kind];
    if (!type) return;
    const { incident } = change;
    await events.publish(tx, {
      ref: { kind: INCIDENT_PREFIX, key: String(incident.number) },
      type,
      at: incident.updatedAt,
      actorId: change.actor.person.id,
      data: {
        status: incident.status,
        serviceId: incident.service?.id ?? null,
        ...(incident.resolutionCode ? { resolutionCode: incident.resolutionCode } : {}),
      },
    });
  };
}
