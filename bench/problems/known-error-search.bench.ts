/**
 * Known-error search (src/practices/problems/search-known-errors.ts) with 10k and 100k published known errors,
 * on SQLite (FTS5) and PostgreSQL (tsvector + GIN). Measured: the full search as an incident raise runs it
 * (candidates by the engine's relevance, then the count of matched words per candidate, the threshold).
 * Baselines in the same run on the same database: the bare full-text query of the same shape (the same
 * OR-of-words MATCH / @@, ordered by bm25 / ts_rank, LIMIT 50, no per-word counting), and, for scale, a
 * LIKE scan for the first word (what a search without a full-text index costs).
 * Not a timed test; run with `npx tsx bench/problems/known-error-search.bench.ts` (PostgreSQL on 127.0.0.1).
 */
import { type Db, openDatabase } from "../../src/db/client.js";
import { searchKnownErrors, searchWords } from "../../src/practices/problems/search-known-errors.js";
import { createTestDatabase } from "../../test/support/databases.js";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const QUERIES = 60;

const subjects = [
  "Payments API",
  "VPN",
  "Checkout",
  "Login",
  "Receipts e-mail",
  "Search",
  "Invoices",
  "Refunds",
  "Mobile app",
  "Reports",
  "SSO",
  "Printer",
  "Wi-Fi",
  "Backups",
  "Orders",
  "Shipping labels",
  "Inventory sync",
];
const failures = [
  "timeouts",
  "drops every hour",
  "fails with 502",
  "is slow",
  "returns wrong totals",
  "bounces",
  "crashes on start",
  "shows a blank page",
  "loses sessions",
  "double charges",
  "hangs",
];
const contexts = [
  "during the nightly batch",
  "after the client update",
  "for some customers",
  "on Mondays",
  "behind the proxy",
  "after failover",
  "in the EU region",
  "for Outlook addresses",
  "at peak load",
];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function title(i: number): string {
  return `${pick(subjects, i)} ${pick(failures, Math.floor(i / 7))} ${pick(contexts, Math.floor(i / 13))} #${i}`;
}

/** Incident titles as people write them: look-alikes of seeded ones, and near misses. */
function incidentTitle(i: number): string {
  return i % 2 === 0
    ? `${pick(subjects, i * 3)} ${pick(failures, i)} again`
    : `${pick(["Printer", "Coffee machine", "Badge reader"], i)} ${pick(["jammed", "offline", "beeping"], i)}`;
}

async function seed(db: Db, from: number, to: number): Promise<void> {
  const at = new Date("2026-12-01T10:00:00Z");
  await db.person.upsert({
    where: { id: "bench" },
    create: { id: "bench", displayName: "Bench" },
    update: {},
  });
  for (let start = from; start < to; start += 2000) {
    const end = Math.min(to, start + 2000);
    const numbers = Array.from({ length: end - start }, (_, k) => start + k + 1);
    await db.problem.createMany({
      data: numbers.map((n) => ({
        number: n,
        title: title(n),
        impact: "medium",
        urgency: "medium",
        priority: "P3",
        status: "root_cause_analysis",
        reporterId: "bench",
        createdAt: at,
        updatedAt: at,
      })),
    });
    const problems = await db.problem.findMany({
      where: { number: { gt: start, lte: end } },
      select: { id: true, number: true },
    });
    await db.knownError.createMany({
      data: problems.map((p) => ({
        number: p.number,
        problemId: p.id,
        title: title(p.number),
        symptom: `${pick(failures, p.number)} for users`,
        cause: `cause ${p.number % 97}`,
        workaround: `Restart ${pick(subjects, p.number)}`,
        status: "published",
        publishedById: "bench",
        createdAt: at,
        updatedAt: at,
      })),
    });
  }
}

function bare(db: Db, engine: "sqlite" | "postgresql", words: string[]) {
  if (engine === "sqlite")
    return db.$queryRawUnsafe(
      `SELECT k."id", k."number", k."title" FROM (SELECT rowid AS id, bm25("KnownErrorSearch", 10.0, 5.0, 1.0, 1.0) AS r
         FROM "KnownErrorSearch" WHERE "KnownErrorSearch" MATCH ? ORDER BY r LIMIT 50) c JOIN "KnownError" k ON k."id" = c.id`,
      words.map((w) => `"${w}"`).join(" OR "),
    );
  const doc = `(setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "symptom"), 'B') || setweight(to_tsvector('english'::regconfig, "cause" || ' ' || "workaround"), 'C'))`;
  return db.$queryRawUnsafe(
    `SELECT "id", "number", "title" FROM "KnownError" WHERE ${doc} @@ to_tsquery('english', $1)
      ORDER BY ts_rank(${doc}, to_tsquery('english', $1)) DESC LIMIT 50`,
    words.join(" | "),
  );
}

function likeScan(db: Db, word: string) {
  return db.knownError.findMany({ where: { title: { contains: word } }, take: 50, select: { id: true } });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(2).padStart(7)} ms · p95 ${at(0.95).toFixed(2).padStart(7)} ms`;
}

async function benchEngine(engine: "sqlite" | "postgresql"): Promise<void> {
  const created = await createTestDatabase(engine);
  const handle = await openDatabase(created.location);
  try {
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      await seed(handle.db, seeded, size);
      seeded = size;
      const seedSeconds = ((performance.now() - started) / 1000).toFixed(1);
      const full: number[] = [];
      const bareTimes: number[] = [];
      const like: number[] = [];
      let suggested = 0;
      for (let i = 0; i < QUERIES; i++) {
        const text = incidentTitle(i);
        const words = searchWords(text);
        // Interleaved, so caches warm both the same way.
        full.push(
          await time(async () => {
            const hits = await searchKnownErrors(handle.db, engine, text, { strictness: "advice", limit: 1 });
            if (hits.length > 0) suggested += 1;
          }),
        );
        bareTimes.push(await time(() => bare(handle.db, engine, words)));
        like.push(await time(() => likeScan(handle.db, words[0] ?? "x")));
      }
      console.log(
        `${engine.padEnd(10)} ${String(size).padStart(6)} known errors (seeded in ${seedSeconds}s)`,
      );
      console.log(`  search (advice)      ${summary(full)}   suggested for ${suggested}/${QUERIES} titles`);
      console.log(`  bare full-text query ${summary(bareTimes)}`);
      console.log(`  LIKE scan (no index) ${summary(like)}`);
    }
  } finally {
    await handle.close();
    await created.dispose();
  }
}

for (const engine of ["sqlite", "postgresql"] as const) await benchEngine(engine);
