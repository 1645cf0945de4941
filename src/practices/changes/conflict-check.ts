import type { Db, Tx } from "../../db/client.js";
import {
  affectedItems,
  findDependencyClash,
  type ItemDependencies,
} from "../../kernel/tickets/dependencies.js";
import { type Conflict, findConflicts, type PlannedChange } from "./conflicts.js";
import type { ChangeContext } from "./context.js";
import { activeChangeStatuses, CHANGE_PREFIX, changeRef } from "./model.js";

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
    select: {
      id: true,
      number: true,
      title: true,
      plannedStart: true,
      plannedEnd: true,
      services: true,
    },
    orderBy: { number: "asc" },
  });
  const overlapping = others.map((other) => ({
    id: other.id,
    number: other.number,
    ref: changeRef(other.number),
    title: other.title,
    plannedStart: other.plannedStart,
    plannedEnd: other.plannedEnd,
    serviceIds: other.services.map((link) => link.serviceId),
  }));
  const conflicts = findConflicts(planned, overlapping, {
    dependencies: ctx.dependencies,
    maintenanceWindows: ctx.settings.maintenanceWindows,
    blackouts: ctx.settings.blackouts,
  });
  return [...conflicts, ...(await itemConflicts(ctx, db, planned.id, overlapping, conflicts))];
}

/**
 * Overlapping changes on configuration items related to this change's (ITIL 4 change enablement: a change
 * to a database is a risk to what runs on it). Only changes not already named by a service conflict; a
 * change being drafted has no items yet.
 */
async function itemConflicts(
  ctx: ChangeContext,
  db: Db | Tx,
  id: number | undefined,
  overlapping: readonly (PlannedChange & { number: number })[],
  found: readonly Conflict[],
): Promise<Conflict[]> {
  const { tickets } = ctx;
  if (!tickets || id === undefined || overlapping.length === 0) return [];
  const self = await db.change.findUnique({ where: { id }, select: { number: true } });
  if (!self) return [];
  const mine = await affectedItems(db, tickets, { kind: CHANGE_PREFIX, key: String(self.number) });
  if (mine.length === 0) return [];
  const named = new Set(found.flatMap((conflict) => ("ref" in conflict ? [conflict.ref] : [])));
  const walked = new Map<string, ItemDependencies>();
  const conflicts: Conflict[] = [];
  for (const other of overlapping) {
    if (named.has(other.ref)) continue;
    const theirs = await affectedItems(db, tickets, { kind: CHANGE_PREFIX, key: String(other.number) });
    const clash = theirs.length > 0 && (await findDependencyClash(db, tickets, mine, theirs, walked));
    if (clash)
      conflicts.push({
        kind: "item_overlap",
        ref: other.ref,
        title: other.title,
        item: clash.mine.key,
        otherItem: clash.theirs.key,
        relation: clash.relation,
      });
  }
  return conflicts;
}
