/**
 * SLA sweep time against the number of open incidents: 10k, 100k and 1M open incidents (two clocks each),
 * 1000 alerts due, on SQLite and PostgreSQL. The sweep reads `nextAlertAt <= now` through its index, so its
 * time should follow the alerts due, not the open incidents: target ≤ 2× from 10k to 1M.
 * Baseline, measured in the same run on the same database: 1000 bare transactions that each update one
 * clock by id (the floor under "one transaction per clock").
 *
 * Run: npx tsx bench/sla/sweep.bench.ts [--sizes 10000,100000,1000000] [--due 1000] [--providers sqlite,postgresql]
 * PostgreSQL is the local server (OPSDESK_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres).
 * Not a timed test. The rows are seeded in bulk with SQL, not through OpsDesk, so 1M is minutes, not hours.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { defaultConfig } from "../../src/config/defaults.js";
import { openDatabase } from "../../src/db/client.js";
import type { DatabaseLocation } from "../../src/db/location.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { ManualClock } from "../../src/kernel/clock.js";
import { createSlaRuntime } from "../../src/practices/incidents/sla/runtime.js";
import { runSlaSweep } from "../../src/practices/incidents/sla/sweep.js";
import { createScratchDatabase } from "../../test/support/postgres.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    due: { type: "string", default: "1000" },
    providers: { type: "string", default: "sqlite,postgresql" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const due = Number(values.due);
const providers = values.providers.split(",") as Array<"sqlite" | "postgresql">;

const MINUTE = 60;
// T: the measured sweep runs at T + 10 min. Seconds since the epoch.
const T = Date.parse("2026-11-02T12:00:00Z") / 1000;
const policy = JSON.stringify({
  targetText: "4h",
  pauseOn: ["awaiting_caller", "awaiting_vendor", "awaiting_change"],
  priorityChange: "recompute",
  reopen: "newCycle",
  escalation: { groupLead: true },
  service: null,
});

/**
 * Incidents 1..n, each with a stopped response clock and a running 4h resolution clock on 24x7:
 * - group A (first `due`): 50 % reached at T - 10 min, swept by the warm-up sweep at T;
 * - group B (next `due`): 50 % reached at T + 5 min, the 1000 alerts of the measured sweep at T + 10 min;
 * - the rest: started at T, next alert at T + 2 h, so they are open but not due.
 */
function startOf(x: string): string {
  return `CASE WHEN ${x} <= ${due} THEN ${T - 130 * MINUTE} WHEN ${x} <= ${2 * due} THEN ${T - 115 * MINUTE} ELSE ${T} END`;
}

function seedStatements(provider: "sqlite" | "postgresql", n: number): string[] {
  const ts = (seconds: string) =>
    provider === "sqlite"
      ? `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${seconds}, 'unixepoch')`
      : `(to_timestamp(${seconds}) AT TIME ZONE 'UTC')`;
  const numbers =
    provider === "sqlite"
      ? `WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < ${n}) `
      : "";
  const from = provider === "sqlite" ? "FROM s" : `FROM generate_series(1, ${n}) AS s(x)`;
  const start = startOf("x");
  return [
    `INSERT INTO "Person" ("id", "displayName", "fromConfig", "createdAt") VALUES ('bench', 'Bench', false, ${ts(String(T))})`,
    `${numbers}INSERT INTO "Incident" ("id", "number", "title", "description", "impact", "urgency", "priority", "status", "reporterId", "major", "createdAt", "updatedAt", "version")
     SELECT x, x, 'Bench incident ' || x, '', 'high', 'high', 'P1', 'in_progress', 'bench', false, ${ts(start)}, ${ts(start)}, 1 ${from}`,
    `${numbers}INSERT INTO "SlaClock" ("id", "incidentId", "kind", "cycle", "priority", "targetSeconds", "calendarId", "thresholds", "policy", "startedAt", "pauses", "stoppedAt", "stopReason", "accruedSeconds", "breached", "fired", "dueAt", "nextAlertAt", "updatedAt", "version")
     SELECT 2 * x - 1, x, 'response', 1, 'P1', 900, '24x7', '[50,75,90]', '${policy.replace("4h", "15m")}', ${ts(start)}, '[]', ${ts(`${start} + 300`)}, 'acknowledged', 300, false, '[]', ${ts(`${start} + 900`)}, NULL, ${ts(start)}, 0 ${from}`,
    `${numbers}INSERT INTO "SlaClock" ("id", "incidentId", "kind", "cycle", "priority", "targetSeconds", "calendarId", "thresholds", "policy", "startedAt", "pauses", "stoppedAt", "stopReason", "accruedSeconds", "breached", "fired", "dueAt", "nextAlertAt", "updatedAt", "version")
     SELECT 2 * x, x, 'resolution', 1, 'P1', 14400, '24x7', '[50,75,90]', '${policy}', ${ts(start)}, '[]', NULL, NULL, 0, false, '[]', ${ts(`${start} + 14400`)}, ${ts(`${start} + 7200`)}, ${ts(start)}, 0 ${from}`,
  ];
}

async function seed(location: DatabaseLocation, n: number): Promise<void> {
  const statements = seedStatements(location.provider, n);
  if (location.provider === "sqlite") {
    const db = new Database(location.filename);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.transaction(() => {
      for (const sql of statements) db.exec(sql);
    })();
    db.exec("ANALYZE");
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  for (const sql of statements) await client.query(sql);
  await client.query("ANALYZE");
  await client.end();
}

async function queryPlan(location: DatabaseLocation): Promise<string> {
  const sql = `SELECT "id" FROM "SlaClock" WHERE "nextAlertAt" <= '2026-11-02T12:10:00.000+00:00' ORDER BY "nextAlertAt" LIMIT 200`;
  if (location.provider === "sqlite") {
    const db = new Database(location.filename, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>;
    db.close();
    return plan.map((row) => row.detail).join("; ");
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  const result = await client.query(`EXPLAIN ${sql.replace("+00:00", "")}`);
  await client.end();
  return result.rows.map((row: Record<string, string>) => Object.values(row)[0]?.trim()).join("; ");
}

interface Row {
  provider: string;
  open: number;
  seedMs: number;
  sweepMs: number;
  fired: number;
  baselineMs: number;
  plan: string;
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };

async function measure(provider: "sqlite" | "postgresql", n: number): Promise<Row> {
  let location: DatabaseLocation;
  let dispose: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "opsdesk-bench-sla-"));
    location = { provider, filename: join(dir, "opsdesk.db"), display: dir };
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchDatabase();
    location = { provider, url: scratch.url, display: scratch.url };
    dispose = scratch.drop;
  }
  try {
    await migrateDatabase(location);
    const seedBegan = performance.now();
    await seed(location, n);
    const seedMs = performance.now() - seedBegan;
    const plan = await queryPlan(location);

    const handle = await openDatabase(location);
    const config = defaultConfig();
    const runtime = createSlaRuntime(config);
    const sweep = (at: number) =>
      runSlaSweep({
        db: handle.db,
        clock: new ManualClock(new Date(at * 1000)),
        config,
        platforms: ["console"],
        runtime,
        log: silent,
      });
    // Warm-up at T: group A (JIT, connection pool, page cache); then the measured sweep over group B.
    await sweep(T);
    const began = performance.now();
    const result = await sweep(T + 10 * MINUTE);
    const sweepMs = performance.now() - began;

    const baselineBegan = performance.now();
    for (let id = 2 * (2 * due + 1); id < 2 * (3 * due + 1); id += 2) {
      await handle.db.$transaction((tx) =>
        tx.slaClock.update({ where: { id }, data: { updatedAt: new Date(T * 1000) } }),
      );
    }
    const baselineMs = performance.now() - baselineBegan;
    await handle.close();
    return { provider, open: n, seedMs, sweepMs, fired: result.fired, baselineMs, plan };
  } finally {
    await dispose();
  }
}

const rows: Row[] = [];
for (const provider of providers) {
  for (const n of sizes) {
    if (n < 3 * due) throw new Error(`--sizes must be at least 3 × --due (${3 * due})`);
    process.stderr.write(`${provider}: seeding ${n.toLocaleString("en-US")} open incidents…\n`);
    const row = await measure(provider, n);
    rows.push(row);
    process.stderr.write(`  plan: ${row.plan}\n`);
  }
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`SLA sweep: ${format(due)} alerts due among N open incidents (2 clocks each), one sweep\n`);
console.log(
  `${"provider".padEnd(12)}${"open".padStart(12)}${"seed (s)".padStart(10)}${"sweep (ms)".padStart(12)}${"fired".padStart(8)}${"ms/alert".padStart(10)}${"baseline (ms)".padStart(15)}`,
);
for (const row of rows) {
  console.log(
    `${row.provider.padEnd(12)}${format(row.open).padStart(12)}${(row.seedMs / 1000).toFixed(1).padStart(10)}${format(row.sweepMs).padStart(12)}${String(row.fired).padStart(8)}${(row.sweepMs / Math.max(1, row.fired)).toFixed(2).padStart(10)}${format(row.baselineMs).padStart(15)}`,
  );
}
console.log(`\nbaseline: ${format(due)} bare transactions, each one UPDATE of a clock by id, same database`);
for (const provider of providers) {
  const mine = rows.filter((row) => row.provider === provider).sort((a, b) => a.open - b.open);
  const [smallest, largest] = [mine[0], mine.at(-1)];
  if (smallest === undefined || largest === undefined || smallest === largest) continue;
  const ratio = largest.sweepMs / smallest.sweepMs;
  console.log(
    `${provider}: sweep at ${format(largest.open)} / at ${format(smallest.open)} open = ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? "met" : "NOT met"})`,
  );
}
