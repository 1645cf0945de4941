import type { Db } from "../../../db/client.js";

/*
 * Where the reports read open incidents from the Incident table (owned by the incidents practice; the
 * aggregates are in incident-tallies.ts and sla-tallies.ts). A practice may not import another practice, so
 * the reports read the table here, with Prisma, and know nothing else of incidents' code. Column meanings follow src/practices/incidents/models.prisma.
 */

/** Statuses in which an incident is still being worked on. */
const openIncidentStatuses = ["new", "in_progress", "on_hold"];

/** When each open incident was raised, of one service when given. */
export async function openIncidents(db: Db, serviceId: string | undefined): Promise<{ createdAt: Date }[]> {
  return db.incident.findMany({
    where: { status: { in: openIncidentStatuses }, ...(serviceId ? { serviceId } : {}) },
    select: { createdAt: true },
  });
}
