import type { Db } from "../../db/client.js";
import { type Form, incidentCreateForm } from "../../kernel/views/index.js";

/** The "raise an incident" form, with the active services to choose from and optional prefill. */
export async function openIncidentCreateForm(
  db: Db,
  prefill?: { title?: string; description?: string },
): Promise<Form> {
  const services = await db.service.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return incidentCreateForm({ services, ...(prefill ? { prefill } : {}) });
}
