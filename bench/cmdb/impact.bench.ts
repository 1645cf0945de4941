/**
 * Impact of one CI in a graph of 10,000 CIs and 50,000 depends-on relationships, on SQLite and PostgreSQL.
 * Measured: `impactOf` (the recursive query for the affected subgraph, then the tree built in memory) and the
 * impact line a ticket's card shows (`impactLine`, what the CI's owner in the ticket directory computes each
 * time a card is drawn, before the cache), and the cached impact line (`ImpactLineCache`, what the owner now
 * does: one read of the graph's token, and the walk only when the graph changed; measured warm, as a desk
 * with an unchanged graph runs). Baseline, in the same run on the same database: a bare recursive query that only
 * counts the CIs that depend on the same root (the floor cost of walking the graph in the database).
 * The graph is layered like a real estate (business services on applications on services on databases
 * and servers) with 1% of edges pointing back up, so there are cycles, and 2% of edges to one shared
 * database, whose impact reaches most of the estate. Not a timed test; run with
 * `npx tsx bench/cmdb/impact.bench.ts [cis] [relationships]` (PostgreSQL on 127.0.0.1:5432).
 */
import { type Db, openDatabase } from "../../src/db/client.js";
import { toCiSnapshot } from "../../src/practices/cmdb/find-ci.js";
import { impactLine, impactOf } from "../../src/practices/cmdb/impact.js";
import { ImpactLineCache } from "../../src/practices/cmdb/impact-cache.js";
import { seedCiGraph, seededRandom } from "../../test/support/ci-graph.js";
import { createTestDatabase } from "../../test/support/databases.js";

const CIS = Number(process.argv[2] ?? 10_000);
const RELATIONSHIPS = Number(process.argv[3] ?? 50_000);
const ROUNDS = 15;

/** Layers from the top: 2% business services, 10% applications, 28% services, 30% databases, 30% servers. */
const layerBounds = [0.02, 0.12, 0.4, 0.7, 1].map((share) => Math.round(share * CIS));
const layerTypes = ["business_service", "application", "service", "database", "server"];
const layerOf = (i: number) => layerBounds.findIndex((bound) => i < bound);
const hub = layerBounds[2] as number;

function graphEdges(): [number, number][] {
  const random = seededRandom(17);
  const pick = (layer: number) => {
    const low = layer === 0 ? 0 : (layerBounds[layer - 1] as number);
    return low + Math.floor(random() * ((layerBounds[layer] as number) - low));
  };
  const edges: [number, number][] = [];
  while (edges.length < RELATIONSHIPS) {
    const from = Math.floor(random() * CIS);
    const layer = layerOf(from);
    const roll = random();
    if (roll < 0.01) edges.push([from, pick(Math.max(0, layer - 1))]);
    // A shared database much of the estate uses (the CI whose card line matters most).
    else if (roll < 0.03 && from < hub) edges.push([from, hub]);
    else if (layer < layerTypes.length - 1)
      edges.push([from, pick(layer + 1 + Math.floor(random() * (layerTypes.length - 1 - layer)))]);
  }
  return edges;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function bareCount(db: Db, rootId: number): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    WITH RECURSIVE impacted(id) AS (
      SELECT CAST(${rootId} AS INTEGER)
      UNION
      SELECT r."fromId" FROM "CiRelationship" r JOIN impacted i ON r."toId" = i.id
      WHERE r."status" = 'confirmed' AND r."type" IN ('depends-on', 'runs-on')
    )
    SELECT COUNT(*) AS n FROM impacted`;
  return Number(rows[0]?.n ?? 0) - 1;
}

async function benchProvider(provider: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(provider);
  const handle = await openDatabase(created.location);
  try {
    const seeding = performance.now();
    const ids = await seedCiGraph(handle.db, {
      prefix: "ci",
      count: CIS,
      types: (i) => layerTypes[layerOf(i)] as string,
      edges: graphEdges(),
    });
    // Statistics as autovacuum (PostgreSQL) or a maintenance run (SQLite) would have them on a live desk.
    await handle.db.$executeRawUnsafe("ANALYZE");
    const relationships = await handle.db.ciRelationship.count();
    console.log(
      `${provider}: ${CIS} CIs, ${relationships} relationships seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    // Roots: a database (deep in the graph: much depends on it) and an application (near the top).
    const roots = [
      { label: "the shared database", index: hub },
      { label: "a database", index: (layerBounds[2] as number) + 5 },
      { label: "an application", index: (layerBounds[0] as number) + 5 },
    ];
    for (const { label, index } of roots) {
      const row = await handle.db.configItem.findUniqueOrThrow({ where: { id: ids[index] as number } });
      const bare: number[] = [];
      const impact: number[] = [];
      const line: number[] = [];
      const cached: number[] = [];
      const cache = new ImpactLineCache();
      const ci = toCiSnapshot(row);
      let reached = 0;
      let text = "";
      for (let round = 0; round < ROUNDS; round++) {
        bare.push(await time(async () => (reached = await bareCount(handle.db, row.id))));
        impact.push(await time(() => impactOf(handle.db, row)));
        line.push(await time(async () => (text = impactLine(await impactOf(handle.db, row)))));
        cached.push(await time(() => cache.line(handle.db, ci)));
      }
      console.log(`  impact of ${label} (${reached} CIs depend on it; card line: "${text.slice(0, 60)}…")`);
      console.log(`    baseline: bare recursive count     median ${ms(median(bare))}`);
      console.log(`    impactOf: subgraph + tree          median ${ms(median(impact))}`);
      console.log(`    card impact line, walked each time median ${ms(median(line))}`);
      console.log(`    card impact line, cached           median ${ms(median(cached))}`);
    }
  } finally {
    await handle.close();
    await created.dispose();
  }
}

for (const provider of ["sqlite", "postgresql"] as const) await benchProvider(provider);
