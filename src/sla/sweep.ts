import type { OpsdeskConfig } from "../config/types.js";
import type { Clock } from "../core/clock.js";
import { incidentInclude, toSnapshot } from "../core/incidents/snapshot.js";
import type { Platform } from "../core/people/actor.js";
import { takeDueAlerts } from "../core/sla/clock/index.js";
import { type Db, type Tx, transactionOptions } from "../db/client.js";
import type { Logger } from "../log.js";
import { enqueueSlaAlertPosts } from "./alert-posts.js";
import { readPolicySnapshot, stateColumns, toState } from "./clock-row.js";
import { currentClocks, figuresOf, incidentClockFigures } from "./read-clocks.js";
import { createSlaRuntime, type SlaRuntime } from "./runtime.js";

export interface SlaSweepDeps {
  db: Db;
  clock: Clock;
  config: OpsdeskConfig;
  /** The platforms OpsDesk is connected to; alerts are queued for each. */
  platforms: readonly Platform[];
  log: Pick<Logger, "info" | "warn" | "error" | "debug">;
  /** Compiled once per process; built from `config` when absent. */
  runtime?: SlaRuntime;
  /** Clocks read per query (default 200). */
  batchSize?: number;
  /** Stop after this many clocks (default: all that are due). A later sweep picks up the rest. */
  maxClocks?: number;
  /** Called after each clock's transaction commits with the alerts it queued, e.g. to wake the outbox. */
  onCommitted?: (fired: number) => void;
}

export interface SlaSweepResult {
  /** Alerts recorded (and their posts queued) by this sweep. */
  fired: number;
  /** Clocks looked at. */
  clocks: number;
}

/**
 * One SLA sweep: every clock whose next alert is due (`nextAlertAt <= now`, an indexed range scan, so the
 * cost follows the alerts due, not the open tickets), each in its own transaction:
 * 1. claim the clock by its version (another replica or a change to the incident may have moved it),
 * 2. record each alert reached in SlaAlert, unique per clock, cycle and threshold,
 * 3. queue its posts only if that row was new, and store the advanced nextAlertAt.
 * A crash between clocks leaves the rest due for the next sweep; a crash inside a transaction rolls it
 * back whole. Either way no alert is lost and none is sent twice. The scheduler calls this every
 * `sla.sweepInterval`.
 */
export async function runSlaSweep(deps: SlaSweepDeps): Promise<SlaSweepResult> {
  const runtime = deps.runtime ?? createSlaRuntime(deps.config);
  const now = deps.clock.now();
  const batchSize = deps.batchSize ?? 200;
  const maxClocks = deps.maxClocks ?? Number.POSITIVE_INFINITY;
  // Clocks that did not advance (lost a race, or failed) are not read again in this sweep.
  const skipped: number[] = [];
  let fired = 0;
  let clocks = 0;
  while (clocks < maxClocks) {
    const due = await deps.db.$transaction((tx) =>
      tx.slaClock.findMany({
        where: { nextAlertAt: { lte: now }, ...(skipped.length > 0 ? { id: { notIn: skipped } } : {}) },
        orderBy: { nextAlertAt: "asc" },
        select: { id: true },
        take: Math.min(batchSize, maxClocks - clocks),
      }),
    );
    if (due.length === 0) break;
    for (const { id } of due) {
      clocks++;
      try {
        const outcome = await deps.db.$transaction(
          (tx) => sweepClock(tx, deps, runtime, id, now),
          transactionOptions,
        );
        if (!outcome.advanced) skipped.push(id);
        fired += outcome.fired;
        if (outcome.fired > 0) deps.onCommitted?.(outcome.fired);
      } catch (error) {
        skipped.push(id);
        deps.log.error({ err: error, clockId: id }, "SLA sweep could not handle a clock; it stays due");
      }
    }
  }
  if (fired > 0) deps.log.info({ fired, clocks }, "SLA alerts fired");
  return { fired, clocks };
}

async function sweepClock(
  tx: Tx,
  deps: SlaSweepDeps,
  runtime: SlaRuntime,
  id: number,
  now: Date,
): Promise<{ fired: number; advanced: boolean }> {
  const row = await tx.slaClock.findUnique({ where: { id } });
  // Moved on since the query (another replica swept it, or the incident changed it): nothing to do here.
  if (row === null || row.nextAlertAt === null || row.nextAlertAt > now) return { fired: 0, advanced: true };
  const calendar = runtime.calendar(row.calendarId);
  const taken = takeDueAlerts(calendar, toState(row), now.getTime());
  const { count } = await tx.slaClock.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...stateColumns(calendar, taken.state, now.getTime()), version: { increment: 1 } },
  });
  if (count === 0) return { fired: 0, advanced: false };
  if (taken.alerts.length === 0) return { fired: 0, advanced: true };

  const incident = toSnapshot(
    await tx.incident.findUniqueOrThrow({ where: { id: row.incidentId }, include: incidentInclude }),
  );
  const updated = { ...row, ...stateColumns(calendar, taken.state, now.getTime()) };
  const clock = figuresOf(runtime, updated, now.getTime());
  const current = currentClocks(await incidentClockFigures(tx, runtime, incident.id, now.getTime()));
  const { escalation } = readPolicySnapshot(row);
  let fired = 0;
  for (const alert of taken.alerts) {
    const recorded = await tx.$executeRaw`
      INSERT INTO "SlaAlert" ("clockId", "cycle", "kind", "threshold", "firedAt", "dueAt")
      VALUES (${row.id}, ${row.cycle}, ${alert.breach ? "breach" : "warning"}, ${alert.percent}, ${now}, ${new Date(alert.reachedAt)})
      ON CONFLICT ("clockId", "cycle", "threshold") DO NOTHING`;
    if (recorded !== 1) continue;
    fired++;
    await enqueueSlaAlertPosts(
      tx,
      { config: deps.config, platforms: deps.platforms },
      {
        incident,
        clock,
        current,
        clockId: row.id,
        percent: alert.percent,
        breach: alert.breach,
        escalation,
        timezone: calendar.timezone,
        at: now,
      },
    );
  }
  return { fired, advanced: true };
}
