/**
 * `/report incidents 90d` over many incidents, from the command's figures to the PNGs: the figures computed by
 * the database (weekly counts, nearest-rank p50/p90 with window functions; sources/incident-tallies.ts) and
 * three charts drawn (ECharts SSR + resvg), on SQLite and PostgreSQL. Chat delivery is not included (it is one outbox row per chart).
 * Baseline, measured in the same run on the same database: the bare aggregate query a dashboard would run,
 * `SELECT priority, COUNT(*) … WHERE createdAt in the window GROUP BY priority`.
 *
 * Run: npx tsx bench/reports/report-90d.bench.ts [--size 100000] [--providers sqlite,postgresql] [--runs 3]
 * Not a timed test. Rows are seeded with createMany in batches, spread evenly over the 90 days.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Db, openDatabase } from "../../src/db/client.js";
import type { DatabaseLocation } from "../../src/db/location.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { buildReport } from "../../src/practices/reports/build-report.js";
import { drawCharts } from "../../src/practices/reports/deliver.js";
import { createScratchDatabase } from "../../test/support/postgres.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100000" },
    providers: { type: "string", default: "sqlite,postgresql" },
    runs: { type: "string", default: "3" },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const providers = values.providers.split(",") as Array<"sqlite" | "postgresql">;
const now = new Date("2026-11-20T12:00:00Z");
const dayMs = 86_400_000;
const priorities = ["P1", "P2", "P3", "P4", "P5"];

async function seed(db: Db): Promise<void> {
  await db.person.create({ data: { id: "bench", displayName: "Bench" } });
  await db.service.create({ data: { id: "payments", name: "Payments", tier: 1 } });
  const batch = 5_000;
  for (let start = 0; start < size; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(size, start + batch); i++) {
      const createdAt = new Date(now.getTime() - 89 * dayMs + Math.floor((i / size) * 89 * dayMs));
      const resolved = i % 4 !== 0;
      rows.push({
        number: i + 1,
        title: `Incident ${i + 1}`,
        impact: "medium",
        urgency: "medium",
        priority: priorities[i % priorities.length] as string,
        status: resolved ? "resolved" : "in_progress",
        serviceId: i % 3 === 0 ? "payments" : null,
        reporterId: "bench",
        createdAt,
        updatedAt: createdAt,
        acknowledgedAt: new Date(createdAt.getTime() + ((i * 7) % 120) * 60_000),
        resolvedAt: resolved ? new Date(createdAt.getTime() + ((i * 13) % 48) * 3_600_000) : null,
      });
    }
    await db.incident.createMany({ data: rows });
  }
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function bench(provider: "sqlite" | "postgresql"): Promise<void> {
  let location: DatabaseLocation;
  let dispose: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "opsdesk-bench-"));
    location = { provider, filename: join(dir, "bench.db"), display: dir };
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchDatabase();
    location = { provider, url: scratch.url, display: scratch.url };
    dispose = scratch.drop;
  }
  await migrateDatabase(location);
  const handle = await openDatabase(location);
  try {
    const seeded = await time(() => seed(handle.db));
    const ctx = { db: handle.db, now, timezone: "UTC", serviceIds: new Set(["payments"]) };
    const from = new Date(now.getTime() - 89 * dayMs - 12 * 3_600_000);
    const bare: number[] = [];
    const figures: number[] = [];
    const images: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const b = await time(
        () =>
          handle.db
            .$queryRaw`SELECT "priority", COUNT(*) AS n FROM "Incident" WHERE "createdAt" >= ${from} AND "createdAt" < ${now} GROUP BY "priority"`,
      );
      const f = await time(() => buildReport(ctx, { kind: "incidents", period: "90d" }));
      const d = await time(() => drawCharts(f.result));
      // The first run warms caches and loads ECharts; it is not counted.
      if (run === 0) continue;
      bare.push(b.ms);
      figures.push(f.ms);
      images.push(d.ms);
    }
    const total = figures.map((ms, i) => ms + (images[i] ?? 0));
    console.log(
      JSON.stringify({
        provider,
        incidents: size,
        seedMs: Math.round(seeded.ms),
        bareAggregateMs: Math.round(median(bare)),
        reportFiguresMs: Math.round(median(figures)),
        drawThreeChartsMs: Math.round(median(images)),
        commandToImagesMs: Math.round(median(total)),
        ratioToBare: Number((median(total) / Math.max(median(bare), 0.001)).toFixed(1)),
      }),
    );
  } finally {
    await handle.close();
    await dispose();
  }
}

for (const provider of providers) await bench(provider);
