/**
 * The recurring-incident job (src/practices/problems/recurring) over 100k incidents raised within its window,
 * on SQLite and PostgreSQL, with every practice running (the incidents are read through the ticket directory).
 * Measured: one full run (read the window, drop incidents covered by a problem or already suggested, cluster,
 * post each new cluster). Baseline in the same run on the same database: the bare read of the same shape
 * (the window's incidents with service, title and category) that any such job must do.
 * Not a timed test; run with `npx tsx bench/problems/recurring-incidents.bench.ts` (PostgreSQL on 127.0.0.1).
 */
import { defaultConfig } from "../../src/config/defaults.js";
import { openDatabase } from "../../src/db/client.js";
import { ManualClock } from "../../src/kernel/clock.js";
import { createLogger } from "../../src/log.js";
import { createPractices } from "../../src/practices/index.js";
import { createTestDatabase } from "../../test/support/databases.js";

const size = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const services = ["payments", "identity", "search", "mobile"];
const subjects = [
  "Ledger export",
  "Checkout",
  "Login",
  "Refund",
  "Search index",
  "Push notice",
  "Invoice",
  "Badge",
];
const verbs = ["stalls", "fails", "times out", "is slow", "errors", "hangs"];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

async function benchEngine(engine: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(engine);
  const handle = await openDatabase(created.location);
  const db = handle.db;
  try {
    const now = new Date();
    await db.person.create({ data: { id: "bench", displayName: "Bench" } });
    for (const id of services) await db.service.create({ data: { id, name: id, tier: 2 } });
    const seeding = performance.now();
    for (let start = 0; start < size; start += 5000) {
      await db.incident.createMany({
        data: Array.from({ length: Math.min(5000, size - start) }, (_, k) => {
          const n = start + k + 1;
          const at = new Date(now.getTime() - (n % (6 * 86_400)) * 1000);
          return {
            number: n,
            // One incident in 50 has a title of its own: the rest fall into look-alike clusters.
            title:
              n % 50 === 0
                ? `Unique fault ${n} zz${n}`
                : `${pick(subjects, n)} ${pick(verbs, Math.floor(n / 8))} ${n}`,
            impact: "medium",
            urgency: "medium",
            priority: "P3",
            status: "new",
            serviceId: pick(services, Math.floor(n / 3)),
            reporterId: "bench",
            createdAt: at,
            updatedAt: at,
          };
        }),
      });
    }
    const seedSeconds = ((performance.now() - seeding) / 1000).toFixed(1);
    const practices = createPractices({
      db,
      clock: new ManualClock(now),
      config: defaultConfig(),
      platforms: [],
      log: createLogger("silent"),
      wake: () => {},
    });
    const since = new Date(now.getTime() - 7 * 86_400_000);
    const bareStart = performance.now();
    const rows = await db.incident.findMany({
      where: { createdAt: { gte: since } },
      orderBy: { number: "asc" },
      select: { number: true, title: true, status: true, serviceId: true, category: true, createdAt: true },
    });
    const bareMs = performance.now() - bareStart;
    const jobStart = performance.now();
    const clusters = await practices.problems.recurring(now);
    const jobMs = performance.now() - jobStart;
    const againStart = performance.now();
    const again = await practices.problems.recurring(now);
    const againMs = performance.now() - againStart;
    console.log(`${engine.padEnd(10)} ${rows.length} incidents in the window (seeded in ${seedSeconds}s)`);
    console.log(`  bare read of the window   ${bareMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  job, first run            ${jobMs.toFixed(0).padStart(7)} ms  (${clusters} clusters posted)`,
    );
    console.log(
      `  job, second run           ${againMs.toFixed(0).padStart(7)} ms  (${again} clusters posted)`,
    );
  } finally {
    await handle.close();
    await created.dispose();
  }
}

for (const engine of ["sqlite", "postgresql"] as const) await benchEngine(engine);
