// What electing a scheduled run costs: per slot, the ScheduledRun claim (INSERT … ON CONFLICT DO NOTHING)
// and its finish (conditional UPDATE), with 1 replica and with 4 replicas racing for every slot, beside a
// baseline of two bare writing transactions (an INSERT, then an UPDATE of that row: the same number of
// commits, which dominate on PostgreSQL) on the same database in the same run. SQLite and, when
// reachable, PostgreSQL (each replica with its own pool, as separate processes would have).
// Usage: npx tsx bench/scheduler/election.ts [slots per scenario, default 300]

import { type Db, openDatabase } from "../../src/db/client.js";
import { ManualClock } from "../../src/kernel/clock.js";
import { Scheduler } from "../../src/scheduler/index.js";
import { createTestDatabase } from "../../test/support/databases.js";
import { postgresAvailability } from "../../test/support/postgres.js";

const slots = Number(process.argv[2] ?? 300);

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

async function baseline(db: Db): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < slots; i++) {
    const start = performance.now();
    const key = `bench:${i}`;
    const at = new Date();
    await db.$transaction(
      (tx) =>
        tx.$executeRaw`INSERT INTO "ProcessedRequest" ("key", "platform", "receivedAt") VALUES (${key}, 'bench', ${at})`,
    );
    await db.$transaction(
      (tx) => tx.$executeRaw`UPDATE "ProcessedRequest" SET "receivedAt" = ${at} WHERE "key" = ${key}`,
    );
    samples.push(performance.now() - start);
  }
  return samples;
}

async function elections(handles: Db[], job: string): Promise<{ samples: number[]; ran: number }> {
  const clock = new ManualClock("2026-11-02T00:00:00.000Z");
  let ran = 0;
  const replicas = handles.map((db, n) => {
    const scheduler = new Scheduler({ db, clock, replicaId: `bench-${n}` });
    scheduler.register({
      name: job,
      every: "1s",
      run: () => {
        ran += 1;
      },
    });
    return scheduler;
  });
  const samples: number[] = [];
  for (let i = 0; i < slots; i++) {
    const start = performance.now();
    await Promise.all(replicas.map((r) => r.runDue()));
    samples.push(performance.now() - start);
    clock.advance(1_000);
  }
  return { samples, ran };
}

for (const provider of ["sqlite", "postgresql"] as const) {
  if (provider === "postgresql" && !(await postgresAvailability()).available) {
    console.log("postgresql: not reachable, skipped");
    continue;
  }
  const database = await createTestDatabase(provider);
  const handles = await Promise.all(
    Array.from({ length: provider === "postgresql" ? 4 : 1 }, () => openDatabase(database.location)),
  );
  const dbs = handles.map((h) => h.db);
  const racers = provider === "postgresql" ? dbs : [dbs[0], dbs[0], dbs[0], dbs[0]];
  try {
    const base = await baseline(dbs[0] as Db);
    const one = await elections([dbs[0] as Db], "bench-one");
    const four = await elections(racers as Db[], "bench-four");
    console.log(`${provider} (${slots} slots)`);
    console.log(`  baseline, insert + update:         ${summary(base)}`);
    console.log(`  1 replica, claim + run + finish:   ${summary(one.samples)}  (runs: ${one.ran})`);
    console.log(
      `  4 replicas racing for each slot:   ${summary(four.samples)}  (runs: ${four.ran}, expected ${slots})`,
    );
  } finally {
    await Promise.all(handles.map((h) => h.close()));
    await database.dispose();
  }
}
