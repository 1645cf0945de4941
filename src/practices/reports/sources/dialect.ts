import { empty, join, raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { DatabaseEngine } from "../../../db/engine.js";
import type { ReportWindow } from "../period.js";

/*
 * The little SQL that differs between SQLite and PostgreSQL in the report aggregates. Columns are passed as
 * quoted identifiers ("i"."createdAt"); every value is a bound parameter.
 */

/**
 * Milliseconds from `start` to `end`, as an integer. SQLite (through Prisma's better-sqlite3 adapter) keeps a
 * DateTime as ISO 8601 text, which julianday() reads; the day fraction is rounded to whole milliseconds,
 * which is exactly what was stored. PostgreSQL subtracts timestamps into an interval.
 */
export function elapsedMs(engine: DatabaseEngine, end: string, start: string): Sql {
  return engine === "sqlite"
    ? raw(`CAST(ROUND((julianday(${end}) - julianday(${start})) * 86400000) AS INTEGER)`)
    : raw(`CAST(ROUND(EXTRACT(EPOCH FROM (${end} - ${start})) * 1000) AS BIGINT)`);
}

/**
 * The index of the report week `column` falls in (0 = the first), or NULL outside the window. The weeks'
 * bounds are computed on the desk's calendar in period.ts and bound here, so no engine needs to know the
 * desk's time zone.
 */
export function weekOf(window: ReportWindow, column: string): Sql {
  const at = raw(column);
  if (window.weeks.length === 0) return sql`NULL`;
  const arms = window.weeks.map(
    (week, index) => sql`WHEN ${at} >= ${week.start} AND ${at} < ${week.end} THEN ${raw(String(index))}`,
  );
  return sql`CASE ${join(arms, " ")} ELSE NULL END`;
}

/** `AND <column> = <service>` when the report is for one service. */
export function ofService(column: string, serviceId: string | undefined): Sql {
  return serviceId === undefined ? empty : sql` AND ${raw(column)} = ${serviceId}`;
}
