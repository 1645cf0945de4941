import type { Db, Tx } from "../../db/client.js";
import { dependencyHops, type ItemDependencies } from "../../kernel/tickets/dependencies.js";
import { findCi } from "./find-ci.js";
import { impactTypes } from "./model.js";

interface KeyRow {
  key: string;
}

/**
 * What a CI depends on (runs on) and what depends on it (runs on it), each within `dependencyHops`, through
 * confirmed relationships: the walk carries its hop count, so cycles end at the limit. Change conflicts
 * use it (src/kernel/tickets/dependencies.ts); `connects-to` carries no dependency (model.ts).
 */
export async function ciDependencies(db: Db | Tx, key: string): Promise<ItemDependencies> {
  const ci = await findCi(db, key);
  if (!ci) return { dependsOn: [], usedBy: [] };
  const [first, second] = impactTypes;
  // One after the other: inside a transaction, statements share one connection anyway.
  const dependsOn = await db.$queryRaw<KeyRow[]>`
      WITH RECURSIVE walk(id, hops) AS (
        SELECT CAST(${ci.id} AS INTEGER), CAST(0 AS INTEGER)
        UNION
        SELECT r."toId", w.hops + 1 FROM "CiRelationship" r JOIN walk w ON r."fromId" = w.id
        WHERE w.hops < ${dependencyHops} AND r."status" = 'confirmed' AND r."type" IN (${first}, ${second})
      )
      SELECT DISTINCT c."key" AS "key" FROM walk w JOIN "ConfigItem" c ON c."id" = w.id WHERE w.hops > 0`;
  const usedBy = await db.$queryRaw<KeyRow[]>`
      WITH RECURSIVE walk(id, hops) AS (
        SELECT CAST(${ci.id} AS INTEGER), CAST(0 AS INTEGER)
        UNION
        SELECT r."fromId", w.hops + 1 FROM "CiRelationship" r JOIN walk w ON r."toId" = w.id
        WHERE w.hops < ${dependencyHops} AND r."status" = 'confirmed' AND r."type" IN (${first}, ${second})
      )
      SELECT DISTINCT c."key" AS "key" FROM walk w JOIN "ConfigItem" c ON c."id" = w.id WHERE w.hops > 0`;
  // A cycle leads back to the CI itself, which is no dependency of its own.
  const keys = (rows: KeyRow[]) => rows.map((row) => row.key).filter((other) => other !== ci.key);
  return { dependsOn: keys(dependsOn), usedBy: keys(usedBy) };
}
