import { raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../../db/client.js";
import { databaseEngine } from "../../../db/engine.js";
import type { DurationFigures, IncidentFigures } from "../figures/incidents.js";
import { hourMs, minuteMs, round1 } from "../figures/report.js";
import type { ReportWindow } from "../period.js";
import { elapsedMs, ofService, weekOf } from "./dialect.js";

/*
 * The incidents report's figures, computed by the database from the Incident table (owned by the incidents
 * practice; read here as a table, never through its code): counts per week, priority and service, and the
 * nearest-rank p50 and p90 of the time to acknowledge and to resolve, per week and over the window. Only
 * the tallies travel back, never the rows: 100k incidents were 20 s through Prisma's row reads.
 */

interface CountRow {
  week: number | bigint | null;
  priority: string;
  serviceId: string | null;
  n: number | bigint;
}

interface PercentileRow {
  bucket: number | bigint;
  n: number | bigint;
  p50: number | bigint | null;
  p90: number | bigint | null;
}

const allWeeks = -1;

export async function incidentTallies(
  db: Db,
  window: ReportWindow,
  serviceId: string | undefined,
): Promise<IncidentFigures> {
  const engine = databaseEngine(db);
  const raised = sql`"createdAt" >= ${window.from} AND "createdAt" < ${window.to}${ofService(`"serviceId"`, serviceId)}`;
  const [counts, acknowledge, resolve] = await Promise.all([
    db.$queryRaw<CountRow[]>`
      SELECT t."week", t."priority", t."serviceId", COUNT(*) AS "n"
      FROM (SELECT ${weekOf(window, `"createdAt"`)} AS "week", "priority", "serviceId"
            FROM "Incident" WHERE ${raised}) t
      GROUP BY t."week", t."priority", t."serviceId"`,
    percentiles(db, raised, window, elapsedMs(engine, `"acknowledgedAt"`, `"createdAt"`), `"acknowledgedAt"`),
    percentiles(db, raised, window, elapsedMs(engine, `"resolvedAt"`, `"createdAt"`), `"resolvedAt"`),
  ]);
  const byPriority = new Map<string, number>();
  const byService = new Map<string, number>();
  const weekly = window.weeks.map(() => new Map<string, number>());
  let total = 0;
  for (const row of counts) {
    const n = Number(row.n);
    total += n;
    bump(byPriority, row.priority, n);
    bump(byService, row.serviceId ?? "no service", n);
    const week = row.week === null ? undefined : weekly[Number(row.week)];
    if (week) bump(week, row.priority, n);
  }
  const durations = (rows: PercentileRow[], unitMs: number) => {
    const of = (bucket: number): DurationFigures => {
      const row = rows.find((r) => Number(r.bucket) === bucket);
      const value = (ms: number | bigint | null | undefined) =>
        ms === null || ms === undefined ? null : round1(Number(ms) / unitMs);
      return { count: row ? Number(row.n) : 0, p50: value(row?.p50), p90: value(row?.p90) };
    };
    return { all: of(allWeeks), weekly: window.weeks.map((_, index) => of(index)) };
  };
  const ack = durations(acknowledge, minuteMs);
  const res = durations(resolve, hourMs);
  return {
    total,
    byPriority,
    byService,
    weekly,
    acknowledge: ack.all,
    resolve: res.all,
    weeklyAcknowledge: ack.weekly,
    weeklyResolve: res.weekly,
  };
}

function bump(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * The nearest-rank p50 and p90 of one duration, per week and over the whole window (bucket -1): the
 * smallest value such that at least q of the values are at or below it, the ceil(q·n)-th smallest. It is
 * always a measured duration, so "p90 4h" means an incident really took 4h, and a hand count on a small
 * data set gives the same answer. ceil(q·n) in integer arithmetic: (n + 1) / 2 and (9n + 9) / 10, the same
 * on both engines.
 */
function percentiles(db: Db, raised: Sql, window: ReportWindow, duration: Sql, end: string) {
  return db.$queryRaw<PercentileRow[]>`
    WITH d AS (
      SELECT ${weekOf(window, `"createdAt"`)} AS "week", ${duration} AS "ms"
      FROM "Incident" WHERE ${raised} AND ${raw(end)} IS NOT NULL
    ), b AS (
      SELECT "week" AS "bucket", "ms" FROM d WHERE "week" IS NOT NULL
      UNION ALL SELECT ${raw(String(allWeeks))} AS "bucket", "ms" FROM d
    ), r AS (
      SELECT "bucket", "ms",
        ROW_NUMBER() OVER (PARTITION BY "bucket" ORDER BY "ms") AS "rank",
        COUNT(*) OVER (PARTITION BY "bucket") AS "n"
      FROM b
    )
    SELECT "bucket", "n",
      MAX(CASE WHEN "rank" = ("n" + 1) / 2 THEN "ms" END) AS "p50",
      MAX(CASE WHEN "rank" = (9 * "n" + 9) / 10 THEN "ms" END) AS "p90"
    FROM r GROUP BY "bucket", "n"`;
}
