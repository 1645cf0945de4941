import type { Db } from "../db/client.js";

export interface ServiceName {
  readonly id: string;
  readonly name: string;
}

/**
 * The services people may pick (retired ones stay in the database for old tickets but are not offered),
 * by name. Every practice's forms and every platform's suggestions list them the same way.
 */
export function activeServices(db: Db): Promise<ServiceName[]> {
  return db.service.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
