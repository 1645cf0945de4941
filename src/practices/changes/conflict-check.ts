import type { Db, Tx } from "../../db/client.js";
import { type Conflict, findConflicts } from "./conflicts.js";
import type { ChangeContext } from "./context.js";
import { activeChangeStatuses, changeRef } from "./model.js";

/** The conflicts of a planned window on some services, against the active changes in the database. */
export async function conflictsFor(
  ctx: ChangeContext,
  db: Db | Tx,
  planned: { id?: number; plannedStart: Date; plannedEnd: Date; serviceIds: readonly string[] },
): Promise<Conflict[]> {
  const others = await db.change.findMany({
    where: {
      status: { in: [...activeChangeStatuses] },
      plannedStart: { lt: planned.plannedEnd },
      plannedEnd: { gt: planned.plannedStart },
      ...(planned.id === undefined ? {} : { id: { not: planned.id } }),
    },
    select: { id: true, number: true, title: true, plannedStart: true, plannedEnd: true, services: true },
    orderBy: { number: "asc" },
  });
  return findConflicts(
    planned,
    others.map((other) => ({
      id: other.id,
      ref: changeRef(other.number),
      title: other.title,
      plannedStart: other.plannedStart,
      plannedEnd: other.plannedEnd,
      serviceIds: other.services.map((link) => link.serviceId),
    })),
    {
      dependencies: ctx.dependencies,
      maintenanceWindows: ctx.settings.maintenanceWindows,
      blackouts: ctx.settings.blackouts,
    },
  );
}
