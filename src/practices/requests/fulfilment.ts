import type { CatalogItem } from "../../config/request-settings.js";
import type { Tx } from "../../db/client.js";

/**
 * Opens a request's fulfilment: ordered tasks one at a time (the first now, each next one when the
 * previous is done), parallel tasks all at once. A request without tasks is fulfilled at once. Answers the
 * positions opened, for their cards.
 */
export async function openFulfilment(
  tx: Tx,
  item: CatalogItem | undefined,
  requestId: number,
  now: Date,
): Promise<{ opened: number[]; fulfilled: boolean }> {
  const tasks = await tx.requestTask.findMany({ where: { requestId }, orderBy: { position: "asc" } });
  if (tasks.length === 0) {
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { status: "fulfilled", fulfilledAt: now },
    });
    return { opened: [], fulfilled: true };
  }
  const parallel = item?.taskOrder === "parallel";
  const toOpen = parallel ? tasks : tasks.slice(0, 1);
  await tx.requestTask.updateMany({
    where: { id: { in: toOpen.map((task) => task.id) } },
    data: { status: "open", updatedAt: now, version: { increment: 1 } },
  });
  await tx.serviceRequest.update({ where: { id: requestId }, data: { status: "in_fulfilment" } });
  return { opened: toOpen.map((task) => task.position), fulfilled: false };
}

/** `{model}` → the request's value, `{requester}` → their name; unknown names stay as typed. */
export function fillInstructions(
  template: string,
  values: Readonly<Record<string, string>>,
  requesterName: string,
  shown: (fieldId: string, value: string) => string,
): string {
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (_whole, name: string) => {
    if (name === "requester") return requesterName;
    const value = values[name];
    return value === undefined ? "(not given)" : shown(name, value);
  });
}
