import type { Db } from "../../../db/client.js";
import type { StopReason } from "../../../kernel/sla/clock/index.js";
import type { SlaClockKind } from "../../../kernel/sla/policy.js";
import type { Priority } from "../model.js";
import { incidentRef } from "../model.js";
import { buildSlaReport, type SlaReport } from "./report-figures.js";

/** The report over incidents raised in [from, to], optionally of one service. */
export async function slaReport(
  db: Db,
  query: { from: Date; to: Date; serviceId?: string },
): Promise<SlaReport> {
  const rows = await db.$transaction((tx) =>
    tx.incident.findMany({
      where: {
        createdAt: { gte: query.from, lte: query.to },
        ...(query.serviceId === undefined ? {} : { serviceId: query.serviceId }),
      },
      select: {
        number: true,
        priority: true,
        createdAt: true,
        acknowledgedAt: true,
        resolvedAt: true,
        slaClocks: { select: { kind: true, breached: true, stopReason: true, stoppedAt: true, dueAt: true } },
      },
    }),
  );
  const now = query.to.getTime();
  return buildSlaReport(
    rows.map((row) => ({
      ref: incidentRef(row.number),
      priority: row.priority as Priority,
      createdAt: row.createdAt,
      acknowledgedAt: row.acknowledgedAt,
      resolvedAt: row.resolvedAt,
      clocks: row.slaClocks.map((clock) => ({
        kind: clock.kind as SlaClockKind,
        // A running clock past due is breached even if no sweep has said so yet.
        breached:
          clock.breached ||
          (clock.stoppedAt === null && clock.dueAt !== null && clock.dueAt.getTime() <= now),
        stopReason: clock.stopReason as StopReason | null,
      })),
    })),
  );
}
