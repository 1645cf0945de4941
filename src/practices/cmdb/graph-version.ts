import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../../db/client.js";

const GRAPH_ROW = 1;

/**
 * Marks the CMDB's graph changed, inside the transaction that changes it (a CI added, renamed, retired; a
 * relationship added, confirmed or removed). Every writer of ConfigItem or CiRelationship calls it, so every
 * replica's cached impact lines (impact-cache.ts) are dropped at their next read.
 */
export async function markGraphChanged(tx: Tx): Promise<void> {
  await tx.cmdbGraph.upsert({
    where: { id: GRAPH_ROW },
    create: { id: GRAPH_ROW, token: randomUUID(), version: 1 },
    update: { token: randomUUID(), version: { increment: 1 } },
  });
}

/** The graph's current token: equal tokens, the same graph. */
export async function graphToken(db: Db | Tx): Promise<string> {
  const row = await db.cmdbGraph.findUnique({ where: { id: GRAPH_ROW }, select: { token: true } });
  return row?.token ?? "";
}
