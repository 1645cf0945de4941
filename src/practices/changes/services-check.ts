import type { Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";

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
