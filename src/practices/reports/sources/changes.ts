import type { Db } from "../../../db/client.js";

/*
 * The one place the reports read the Change and ChangeService tables (owned by the changes practice), with
 * Prisma: a practice may not import another, so nothing of changes' code is used here. Column meanings
 * follow src/practices/changes/models.prisma.
 */

export interface ChangeRow {
  readonly number: number;
  /** `normal`, `standard`, `emergency`. */
  readonly type: string;
  readonly status: string;
  readonly createdAt: Date;
  /** `successful`, `rolled_back`, `caused_incident`, `overran`; set when the change is closed. */
  readonly closureCode: string | null;
  readonly closedAt: Date | null;
}

function ofService(serviceId: string | undefined) {
  return serviceId ? { services: { some: { serviceId } } } : {};
}

const select = {
  number: true,
  type: true,
  status: true,
  createdAt: true,
  closureCode: true,
  closedAt: true,
} as const;

/** Changes requested in [from, to). */
export async function changesRequested(
  db: Db,
  window: { from: Date; to: Date },
  serviceId: string | undefined,
): Promise<ChangeRow[]> {
  return db.change.findMany({
    where: { createdAt: { gte: window.from, lt: window.to }, ...ofService(serviceId) },
    select,
  });
}

/** Changes closed with a closure code in [from, to): the ones that were carried out and reviewed. */
export async function changesClosed(
  db: Db,
  window: { from: Date; to: Date },
  serviceId: string | undefined,
): Promise<ChangeRow[]> {
  return db.change.findMany({
    where: {
      closedAt: { gte: window.from, lt: window.to },
      closureCode: { not: null },
      ...ofService(serviceId),
    },
    select,
  });
}

/** Statuses in which a change is still on its way (not closed, cancelled or rejected). */
const openChangeStatuses = ["new", "assess", "authorize", "scheduled", "implement", "review"];

export async function openChanges(db: Db, serviceId: string | undefined): Promise<{ createdAt: Date }[]> {
  return db.change.findMany({
    where: { status: { in: openChangeStatuses }, ...ofService(serviceId) },
    select: { createdAt: true },
  });
}
