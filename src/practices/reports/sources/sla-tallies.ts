import { type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../../db/client.js";
import type { Judged, SlaFigures } from "../figures/sla.js";
import type { ReportWindow } from "../period.js";
import { ofService, weekOf } from "./dialect.js";

/*
 * The SLA report's figures, computed by the database from the SlaClock and Incident tables (owned by the
 * incidents practice; read here as tables, never through its code). Only tallies travel back.
 *
 * The ITIL reading of an SLA clock: met when it stopped in time (acknowledged, responded, resolved),
 * breached when it ran past due, whatever happened after (flagged by the sweep, or still running and not
 * paused past its due instant at the report's time); clocks still running in time or cancelled are not
 * judged.
 */

interface VerdictRow {
  week: number | bigint | null;
  priority: string;
  kind: string;
  serviceId: string | null;
  breached: number | bigint | boolean;
  n: number | bigint;
}

/** How many recent breached incidents the report names. */
export const namedBreaches = 10;

export async function slaTallies(
  db: Db,
  window: ReportWindow,
  serviceId: string | undefined,
  now: Date,
): Promise<SlaFigures> {
  const judged = judgedClocks(window, serviceId, now);
  const [verdicts, breachedCount, recent] = await Promise.all([
    db.$queryRaw<VerdictRow[]>`
      SELECT j."week", j."priority", j."kind", j."serviceId", j."breached", COUNT(*) AS "n"
      FROM (${judged}) j
      GROUP BY j."week", j."priority", j."kind", j."serviceId", j."breached"`,
    db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(DISTINCT j."number") AS "n" FROM (${judged}) j WHERE j."breached" = 1`,
    db.$queryRaw<{ number: number | bigint }[]>`
      SELECT j."number" FROM (${judged}) j WHERE j."breached" = 1
      GROUP BY j."number", j."createdAt"
      ORDER BY j."createdAt" DESC, j."number" DESC
      LIMIT ${namedBreaches}`,
  ]);
  const byPriority: Tally = new Map();
  const weekly: Tally[] = window.weeks.map(() => new Map());
  const services = new Map<string, { breached: number; judged: number }>();
  for (const row of verdicts) {
    const n = Number(row.n);
    const outcome = Number(row.breached) === 1 ? "breached" : "met";
    add(byPriority, row, outcome, n);
    const week = row.week === null ? undefined : weekly[Number(row.week)];
    if (week) add(week, row, outcome, n);
    const service = row.serviceId ?? "no service";
    const tally = services.get(service) ?? { breached: 0, judged: 0 };
    tally.judged += n;
    if (outcome === "breached") tally.breached += n;
    services.set(service, tally);
  }
  return {
    byPriority,
    weekly,
    breachedCount: Number(breachedCount[0]?.n ?? 0),
    recentBreaches: recent.map((row) => Number(row.number)),
    services: [...services.entries()]
      .map(([id, t]) => ({ serviceId: id, ...t }))
      .filter((s) => s.breached > 0)
      .sort((a, b) => b.breached - a.breached || a.serviceId.localeCompare(b.serviceId)),
  };
}

type Tally = Map<string, Record<"response" | "resolution", Judged>>;

function add(tally: Tally, row: VerdictRow, outcome: "met" | "breached", n: number): void {
  if (row.kind !== "response" && row.kind !== "resolution") return;
  let entry = tally.get(row.priority);
  if (!entry) {
    entry = { response: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
    tally.set(row.priority, entry);
  }
  entry[row.kind][outcome] += n;
}

/** Every judged clock (every cycle) of the incidents raised in the window, breached as 1 or 0. */
function judgedClocks(window: ReportWindow, serviceId: string | undefined, now: Date): Sql {
  const breached = sql`(c."breached" = TRUE
    OR (c."stoppedAt" IS NULL AND c."pausedSince" IS NULL AND c."dueAt" IS NOT NULL AND c."dueAt" <= ${now}))`;
  return sql`
    SELECT * FROM (
      SELECT ${weekOf(window, `i."createdAt"`)} AS "week", c."priority", c."kind", i."serviceId",
        i."number", i."createdAt",
        CASE WHEN ${breached} THEN 1 ELSE 0 END AS "breached",
        CASE WHEN c."stopReason" IN ('acknowledged', 'responded', 'resolved') THEN 1 ELSE 0 END AS "stoppedInTime"
      FROM "SlaClock" c JOIN "Incident" i ON i."id" = c."incidentId"
      WHERE i."createdAt" >= ${window.from} AND i."createdAt" < ${window.to}${ofService(`i."serviceId"`, serviceId)}
        AND c."kind" IN ('response', 'resolution')
    ) k WHERE k."breached" = 1 OR k."stoppedInTime" = 1`;
}
