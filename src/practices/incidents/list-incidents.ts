import type { Db, Prisma } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { openStatuses } from "./lifecycle.js";
import type { IncidentSnapshot } from "./model.js";
import { incidentInclude, toSnapshot } from "./snapshot.js";

export const listScopes = ["mine", "open", "all"] as const;
export type ListScope = (typeof listScopes)[number];

export interface IncidentListQuery {
  /** mine: open incidents I reported or am assigned; open: every open incident; all: any state. */
  scope: ListScope;
  serviceId?: string;
  limit?: number;
}

export interface IncidentListPage {
  incidents: IncidentSnapshot[];
  total: number;
}

/** Most urgent first (priority, then oldest), so the list answers "what needs me now". */
export async function listIncidents(
  db: Db,
  actor: Actor,
  query: IncidentListQuery,
): Promise<IncidentListPage> {
  const where: Prisma.IncidentWhereInput = {
    ...(query.scope !== "all" ? { status: { in: [...openStatuses] } } : {}),
    ...(query.scope === "mine"
      ? { OR: [{ reporterId: actor.person.id }, { assigneeId: actor.person.id }] }
      : {}),
    ...(query.serviceId ? { serviceId: query.serviceId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.incident.findMany({
      where,
      include: incidentInclude,
      orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
      take: query.limit ?? 25,
    }),
    db.incident.count({ where }),
  ]);
  return { incidents: rows.map(toSnapshot), total };
}
