import type { Db, Prisma } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { activeChangeStatuses, type ChangeSnapshot } from "./model.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";

export const changeListScopes = ["mine", "open", "pending", "all"] as const;
export type ChangeListScope = (typeof changeListScopes)[number];

export interface ChangeListPage {
  changes: ChangeSnapshot[];
  total: number;
}

/**
 * mine: active changes I requested or implement; open: every active change; pending: waiting for approval;
 * all: any state. Soonest window first, so the list reads as what happens next.
 */
export async function listChanges(
  db: Db,
  actor: Actor,
  scope: ChangeListScope,
  limit = 25,
): Promise<ChangeListPage> {
  const where: Prisma.ChangeWhereInput = {
    ...(scope === "pending" ? { status: "authorize" } : {}),
    ...(scope === "mine" || scope === "open" ? { status: { in: [...activeChangeStatuses] } } : {}),
    ...(scope === "mine" ? { OR: [{ requesterId: actor.person.id }, { assigneeId: actor.person.id }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.change.findMany({
      where,
      include: changeInclude,
      orderBy: [{ plannedStart: "asc" }, { number: "asc" }],
      take: limit,
    }),
    db.change.count({ where }),
  ]);
  return { changes: rows.map(toChangeSnapshot), total };
}

/** Changes whose window touches [from, to), in window order: the change calendar. */
export async function changesBetween(db: Db, from: Date, to: Date): Promise<ChangeSnapshot[]> {
  const rows = await db.change.findMany({
    where: {
      status: { in: [...activeChangeStatuses, "review"] },
      plannedStart: { lt: to },
      plannedEnd: { gt: from },
    },
    include: changeInclude,
    orderBy: [{ plannedStart: "asc" }, { number: "asc" }],
    take: 100,
  });
  return rows.map(toChangeSnapshot);
}
