import type { Db, Tx } from "../../db/client.js";
import { impactTypes, typeLabel } from "./model.js";

/** A CI reached from the one that is hit, with the CI it was reached through (its parent in the tree). */
export interface ImpactNode {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly status: string;
  readonly depth: number;
  /** The CI it depends on (or runs on) on the shortest path from the root; null for the root. */
  readonly parentId: number | null;
  readonly relation: string | null;
}

export interface ImpactTree {
  readonly root: ImpactNode;
  /** Every CI that depends on the root, transitively, breadth first (nearest first), the root excluded. */
  readonly nodes: readonly ImpactNode[];
  readonly byId: ReadonlyMap<number, ImpactNode>;
}

interface EdgeRow {
  fromId: number | bigint;
  toId: number | bigint;
  type: string;
  key: string;
  name: string;
  ciType: string;
  status: string;
}

/**
 * What depends on `root`, transitively: the CIs that depend on it or run on it, and so on up. One recursive
 * query finds the affected set on both engines (UNION, not UNION ALL: a CI enters the set once, so cycles
 * end and diamonds are not walked twice) and returns the relationships inside it with their dependents;
 * the tree (each CI under the one it was first reached through, nearest first) is built in memory.
 * Pending relationships count for nothing until the owner confirms them.
 */
export async function impactOf(
  db: Db | Tx,
  root: { id: number; key: string; name: string; type: string; status: string },
): Promise<ImpactTree> {
  const [first, second] = impactTypes;
  const rows = await db.$queryRaw<EdgeRow[]>`
    WITH RECURSIVE impacted(id) AS (
      SELECT CAST(${root.id} AS INTEGER)
      UNION
      SELECT r."fromId" FROM "CiRelationship" r JOIN impacted i ON r."toId" = i.id
      WHERE r."status" = 'confirmed' AND r."type" IN (${first}, ${second})
    )
    SELECT r."fromId" AS "fromId", r."toId" AS "toId", r."type" AS "type",
           c."key" AS "key", c."name" AS "name", c."type" AS "ciType", c."status" AS "status"
    FROM "CiRelationship" r JOIN "ConfigItem" c ON c."id" = r."fromId"
    WHERE r."toId" IN (SELECT id FROM impacted)
      AND r."status" = 'confirmed' AND r."type" IN (${first}, ${second})`;
  return treeFrom(root, rows);
}

function treeFrom(
  root: { id: number; key: string; name: string; type: string; status: string },
  rows: readonly EdgeRow[],
): ImpactTree {
  const dependents = new Map<number, EdgeRow[]>();
  for (const row of rows) {
    const to = Number(row.toId);
    dependents.set(to, [...(dependents.get(to) ?? []), row]);
  }
  const rootNode: ImpactNode = { ...root, depth: 0, parentId: null, relation: null };
  const byId = new Map<number, ImpactNode>([[root.id, rootNode]]);
  const nodes: ImpactNode[] = [];
  let frontier: ImpactNode[] = [rootNode];
  while (frontier.length > 0) {
    const next: ImpactNode[] = [];
    for (const parent of frontier) {
      const children = [...(dependents.get(parent.id) ?? [])].sort((a, b) => a.key.localeCompare(b.key));
      for (const row of children) {
        const id = Number(row.fromId);
        if (byId.has(id)) continue;
        const node: ImpactNode = {
          id,
          key: row.key,
          name: row.name,
          type: row.ciType,
          status: row.status,
          depth: parent.depth + 1,
          parentId: parent.id,
          relation: row.type,
        };
        byId.set(id, node);
        nodes.push(node);
        next.push(node);
      }
    }
    frontier = next;
  }
  return { root: rootNode, nodes, byId };
}

/** The CIs from the root to `node`, both included: payments-db, payments-api, checkout. */
export function pathTo(tree: ImpactTree, node: ImpactNode): ImpactNode[] {
  const path: ImpactNode[] = [];
  for (
    let at: ImpactNode | undefined = node;
    at;
    at = at.parentId === null ? undefined : tree.byId.get(at.parentId)
  )
    path.unshift(at);
  return path;
}

/** The business services hit: the root itself when it is one, then those depending on it, nearest first. */
export function affectedBusinessServices(tree: ImpactTree): ImpactNode[] {
  return [tree.root, ...tree.nodes].filter((node) => node.type === "business_service");
}

/** "Checkout (business service) via payments-db -> payments-api", and how many more are hit. */
export function impactLine(tree: ImpactTree): string {
  const services = affectedBusinessServices(tree);
  const [nearest, ...others] = services;
  if (!nearest) return "no business service depends on it";
  const via = pathTo(tree, nearest)
    .slice(0, -1)
    .map((node) => node.key);
  const head = `${nearest.name} (${typeLabel(nearest.type)})${via.length > 0 ? ` via ${via.join(" -> ")}` : ""}`;
  return others.length === 0
    ? head
    : `${head}; also ${others.length} more business service${others.length === 1 ? "" : "s"}`;
}
