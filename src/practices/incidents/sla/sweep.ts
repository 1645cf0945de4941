import type { OpsdeskConfig } from "../../../config/types.js";
import type { Db } from "../../../db/client.js";
import type { Clock } from "../../../kernel/clock.js";
import type { Platform } from "../../../kernel/people/actor.js";
import { type SlaClockTable, type SweepResult, sweepSlaClocks } from "../../../kernel/sla/store/index.js";
import type { Logger } from "../../../log.js";
import { incidentInclude, toSnapshot } from "../snapshot.js";
import { enqueueSlaAlertPosts } from "./alert-posts.js";
import { readPolicySnapshot, type SlaClockRow } from "./clock-row.js";
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

export type SlaSweepResult = SweepResult;

/**
 * One sweep of the incidents' SLA clocks (src/kernel/sla/store/sweep.ts says how it stays exactly-once):
 * each alert is recorded in SlaAlert and its posts queued in the service's SLA channel, on the card and to
 * the assignee. The scheduler calls this every `sla.sweepInterval`.
 */
export function runSlaSweep(deps: SlaSweepDeps): Promise<SlaSweepResult> {
  const runtime = deps.runtime ?? createSlaRuntime(deps.config);
  return sweepSlaClocks(incidentClockTable(deps, runtime), deps);
}

function incidentClockTable(deps: SlaSweepDeps, runtime: SlaRuntime): SlaClockTable<SlaClockRow> {
  return {
    calendar: (id) => runtime.calendar(id),
    due: (db, now, skip, take) =>
      db.slaClock.findMany({
        where: { nextAlertAt: { lte: now }, ...(skip.length > 0 ? { id: { notIn: [...skip] } } : {}) },
        orderBy: { nextAlertAt: "asc" },
        take,
      }),
    async claim(tx, row, columns) {
      const { count } = await tx.slaClock.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...columns, version: { increment: 1 } },
      });
      return count === 1;
    },
    async record(tx, row, alert, now) {
      const recorded = await tx.$executeRaw`
        INSERT INTO "SlaAlert" ("clockId", "cycle", "kind", "threshold", "firedAt", "dueAt")
        VALUES (${row.id}, ${row.cycle}, ${alert.breach ? "breach" : "warning"}, ${alert.percent}, ${now}, ${new Date(alert.reachedAt)})
        ON CONFLICT ("clockId", "cycle", "threshold") DO NOTHING`;
      return recorded === 1;
    },
    async announce(tx, row, columns, alerts, now) {
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
      const timezone = runtime.calendar(row.calendarId).timezone;
      for (const alert of alerts) {
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
            timezone,
            at: now,
          },
        );
      }
    },
  };
}
