import type { OpsdeskConfig } from "../../../config/types.js";
import { type Db, type Tx, transactionOptions } from "../../../db/client.js";
import type { Clock } from "../../../kernel/clock.js";
import type { Platform } from "../../../kernel/people/actor.js";
import { takeDueAlerts } from "../../../kernel/sla/clock/index.js";
import type { Logger } from "../../../log.js";
import { incidentInclude, toSnapshot } from "../snapshot.js";
import { enqueueSlaAlertPosts } from "./alert-posts.js";
import { readPolicySnapshot, type SlaClockRow, stateColumns, toState } from "./clock-row.js";
import { currentClocks, figuresOf } from "./read-clocks.js";
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
  /** Clocks handled at once, each in its own transaction (default 4). */
  concurrency?: number;
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
 * 1. claim the clock by the version it was read at (another replica or a change to the incident may have
 *    moved it since; then it is left for the next sweep),
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
  const concurrency = deps.concurrency ?? 4;
  const maxClocks = deps.maxClocks ?? Number.POSITIVE_INFINITY;
  // Clocks that did not advance (lost a race, or failed) are not read again in this sweep.
  const skipped: number[] = [];
  let fired = 0;
  let clocks = 0;
  while (clocks < maxClocks) {
    // Rows are read outside the per-clock transactions; each transaction claims its row by version, so a
    // row that changed since (another replica, a change to the incident) is simply left for the next sweep.
    const due = await deps.db.$transaction((tx) =>
      tx.slaClock.findMany({
        where: { nextAlertAt: { lte: now }, ...(skipped.length > 0 ? { id: { notIn: skipped } } : {}) },
        orderBy: { nextAlertAt: "asc" },
        take: Math.min(batchSize, maxClocks - clocks),
      }),
    );
    if (due.length === 0) break;
    clocks += due.length;
    // A few clocks at a time: PostgreSQL runs them on separate connections; SQLite queues them on its one.
    await inParallel(due, concurrency, async (row) => {
      try {
        const outcome = await deps.db.$transaction(
          (tx) => sweepClock(tx, deps, runtime, row, now),
          transactionOptions,
        );
        if (!outcome.advanced) skipped.push(row.id);
        fired += outcome.fired;
        if (outcome.fired > 0) deps.onCommitted?.(outcome.fired);
      } catch (error) {
        skipped.push(row.id);
        deps.log.error({ err: error, clockId: row.id }, "SLA sweep could not handle a clock; it stays due");
      }
    });
  }
  if (fired > 0) deps.log.info({ fired, clocks }, "SLA alerts fired");
  return { fired, clocks };
}

async function sweepClock(
  tx: Tx,
  deps: SlaSweepDeps,
  runtime: SlaRuntime,
  row: SlaClockRow,
  now: Date,
): Promise<{ fired: number; advanced: boolean }> {
  const calendar = runtime.calendar(row.calendarId);
  const taken = takeDueAlerts(calendar, toState(row), now.getTime());
  const columns = stateColumns(calendar, taken.state, now.getTime());
  // The claim: only the transaction that moves the row from the version it read goes on.
  const { count } = await tx.slaClock.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...columns, version: { increment: 1 } },
  });
  if (count === 0) return { fired: 0, advanced: false };
  if (taken.alerts.length === 0) return { fired: 0, advanced: true };

  const incidentRow = await tx.incident.findUniqueOrThrow({
    where: { id: row.incidentId },
    include: { ...incidentInclude, slaClocks: true },
  });
  const incident = toSnapshot(incidentRow);
  const clock = figuresOf(runtime, { ...row, ...columns }, now.getTime());
  const current = currentClocks(
    incidentRow.slaClocks.map((other) => figuresOf(runtime, other, now.getTime())),
  );
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

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
