import { type Db, type Tx, transactionOptions } from "../../../db/client.js";
import type { Clock } from "../../clock.js";
import type { BusinessCalendar } from "../business-calendar.js";
import { type DueAlert, takeDueAlerts } from "../clock/index.js";
import { type StateColumns, type StoredClock, stateColumns, toState } from "./columns.js";

/**
 * One table of SLA clocks as the sweep sees it. Incidents and requests keep their clocks in tables of their
 * own (keyed by their item); the sweep's claim-record-announce discipline is the same for both, so it lives
 * here once and each practice says only how to read, claim, record and announce its rows.
 */
export interface SlaClockTable<Row extends StoredClock> {
  /** A compiled calendar by id. */
  calendar(id: string): BusinessCalendar;
  /** Up to `take` clocks whose next alert is due at `now` (indexed on nextAlertAt), none of `skip`. */
  due(db: Db | Tx, now: Date, skip: readonly number[], take: number): Promise<Row[]>;
  /** Writes `columns` and bumps the version where the row is still at the version read; false otherwise. */
  claim(tx: Tx, row: Row, columns: StateColumns): Promise<boolean>;
  /** Records one alert, unique per clock, cycle and threshold; false when it was already recorded. */
  record(tx: Tx, row: Row, alert: DueAlert, now: Date): Promise<boolean>;
  /** Queues what the newly recorded alerts say, in the same transaction. */
  announce(tx: Tx, row: Row, columns: StateColumns, alerts: readonly DueAlert[], now: Date): Promise<void>;
}

export interface SweepOptions {
  db: Db;
  clock: Clock;
  log: { info(fields: object, message: string): void; error(fields: object, message: string): void };
  /** Clocks read per query (default 200). */
  batchSize?: number;
  /** Clocks handled at once, each in its own transaction (default 4). */
  concurrency?: number;
  /** Stop after this many clocks (default: all that are due). A later sweep picks up the rest. */
  maxClocks?: number;
  /** Called after each clock's transaction commits with the alerts it queued, e.g. to wake the outbox. */
  onCommitted?: (fired: number) => void;
}

export interface SweepResult {
  /** Alerts recorded (and their posts queued) by this sweep. */
  fired: number;
  /** Clocks looked at. */
  clocks: number;
}

/**
 * One SLA sweep of a table: every clock whose next alert is due (`nextAlertAt <= now`, an indexed range
 * scan, so the cost follows the alerts due, not the open tickets), each in its own transaction:
 * 1. claim the clock by the version it was read at (another replica or a change to its item may have
 *    moved it since; then it is left for the next sweep),
 * 2. record each alert reached, unique per clock, cycle and threshold,
 * 3. announce only the alerts whose record was new, with the advanced nextAlertAt stored.
 * A crash between clocks leaves the rest due for the next sweep; a crash inside a transaction rolls it
 * back whole. Either way no alert is lost and none is sent twice.
 */
export async function sweepSlaClocks<Row extends StoredClock>(
  table: SlaClockTable<Row>,
  options: SweepOptions,
): Promise<SweepResult> {
  const now = options.clock.now();
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 4;
  const maxClocks = options.maxClocks ?? Number.POSITIVE_INFINITY;
  // Clocks that did not advance (lost a race, or failed) are not read again in this sweep.
  const skipped: number[] = [];
  let fired = 0;
  let clocks = 0;
  while (clocks < maxClocks) {
    // Rows are read outside the per-clock transactions; each transaction claims its row by version.
    const due = await options.db.$transaction((tx) =>
      table.due(tx, now, skipped, Math.min(batchSize, maxClocks - clocks)),
    );
    if (due.length === 0) break;
    clocks += due.length;
    // A few clocks at a time: PostgreSQL runs them on separate connections; SQLite queues them on its one.
    await inParallel(due, concurrency, async (row) => {
      try {
        const outcome = await options.db.$transaction(
          (tx) => sweepClock(tx, table, row, now),
          transactionOptions,
        );
        if (!outcome.advanced) skipped.push(row.id);
        fired += outcome.fired;
        if (outcome.fired > 0) options.onCommitted?.(outcome.fired);
      } catch (error) {
        skipped.push(row.id);
        options.log.error(
          { err: error, clockId: row.id },
          "SLA sweep could not handle a clock; it stays due",
        );
      }
    });
  }
  if (fired > 0) options.log.info({ fired, clocks }, "SLA alerts fired");
  return { fired, clocks };
}

async function sweepClock<Row extends StoredClock>(
  tx: Tx,
  table: SlaClockTable<Row>,
  row: Row,
  now: Date,
): Promise<{ fired: number; advanced: boolean }> {
  const calendar = table.calendar(row.calendarId);
  const taken = takeDueAlerts(calendar, toState(row), now.getTime());
  const columns = stateColumns(calendar, taken.state, now.getTime());
  // The claim: only the transaction that moves the row from the version it read goes on.
  if (!(await table.claim(tx, row, columns))) return { fired: 0, advanced: false };
  const recorded: DueAlert[] = [];
  for (const alert of taken.alerts) {
    if (await table.record(tx, row, alert, now)) recorded.push(alert);
  }
  if (recorded.length > 0) await table.announce(tx, row, columns, recorded, now);
  return { fired: recorded.length, advanced: true };
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
