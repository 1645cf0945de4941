// Configuration-item graphs written straight to the CMDB's tables, for impact tests and the impact benchmark.
import type { Db } from "../../src/db/client.js";

export interface GraphSpec {
  /** Prefix of every key, so several graphs can share a database. */
  readonly prefix: string;
  /** CI types by index: `types(i)`. */
  readonly types: (index: number) => string;
  readonly count: number;
  /** [from, to] pairs by index: `from` depends on `to`. */
  readonly edges: readonly (readonly [number, number])[];
}

// Rows per insert: well inside SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const chunk = 2000;

/** Writes the graph; answers the CI ids by index. */
export async function seedCiGraph(db: Db, spec: GraphSpec): Promise<number[]> {
  const at = new Date("2026-12-01T00:00:00Z");
  for (let start = 0; start < spec.count; start += chunk) {
    const rows = [];
    for (let i = start; i < Math.min(spec.count, start + chunk); i++)
      rows.push({
        key: `${spec.prefix}-${i}`,
        name: `${spec.prefix} ${i}`,
        type: spec.types(i),
        status: "operational",
        source: "chat",
        createdAt: at,
        updatedAt: at,
      });
    await db.configItem.createMany({ data: rows });
  }
  const found = await db.configItem.findMany({
    where: { key: { startsWith: `${spec.prefix}-` } },
    select: { id: true, key: true },
  });
  const ids: number[] = new Array(spec.count);
  for (const row of found) ids[Number(row.key.slice(spec.prefix.length + 1))] = row.id;
  const unique = new Map(
    spec.edges.filter(([a, b]) => a !== b).map(([a, b]) => [`${a}>${b}`, [a, b] as const]),
  );
  const edges = [...unique.values()];
  for (let start = 0; start < edges.length; start += chunk) {
    await db.ciRelationship.createMany({
      data: edges.slice(start, start + chunk).map(([from, to]) => ({
        fromId: ids[from] as number,
        toId: ids[to] as number,
        type: "depends-on",
        status: "confirmed",
        source: "chat",
        createdAt: at,
      })),
    });
  }
  return ids;
}

/** A small deterministic PRNG (mulberry32), so the benchmark's graph is the same in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
