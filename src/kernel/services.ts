import type { Db, Tx } from "../db/client.js";
import { NotFoundError } from "./errors.js";

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

/** Refuses services (CIs) that are not configured or were retired, listing the ones that exist. */
export async function assertServicesExist(tx: Tx, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const found = await tx.service.findMany({ where: { id: { in: [...serviceIds] }, active: true } });
  const unknown = serviceIds.filter((id) => !found.some((service) => service.id === id));
  if (unknown.length === 0) return;
  const known = await tx.service.findMany({
    where: { active: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  throw new NotFoundError(
    `There is no service ${unknown.map((id) => `"${id}"`).join(", ")}. ` +
      (known.length
        ? `Known services: ${known.map((s) => s.id).join(", ")}.`
        : "No services are configured yet."),
  );
}
