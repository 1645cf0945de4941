import type { Db } from "../../../db/client.js";
import type { GaugeSample } from "../../env.js";

/*
 * Counts for GET /metrics, read from the Incident, SlaClock and Change tables (owned by the incidents and
 * changes practices; read here as tables, like every source of the reports, never through their code).
 */

const openIncidentStatuses = ["new", "in_progress", "on_hold"];
const openChangeStatuses = ["new", "assess", "authorize", "scheduled", "implement", "review"];

type ClockWhere = NonNullable<Parameters<Db["slaClock"]["count"]>[0]>["where"];

export async function deskGauges(db: Db, now: Date): Promise<GaugeSample[]> {
  const perKind = (where: ClockWhere) =>
    db.slaClock.groupBy({ by: ["kind"], _count: { _all: true }, where, orderBy: { kind: "asc" } });
  const [incidents, changes, running, paused, stopped, flagged, overdue] = await Promise.all([
    db.incident.count({ where: { status: { in: openIncidentStatuses } } }),
    db.change.count({ where: { status: { in: openChangeStatuses } } }),
    perKind({ stoppedAt: null, pausedSince: null }),
    perKind({ stoppedAt: null, pausedSince: { not: null } }),
    perKind({ stoppedAt: { not: null } }),
    perKind({ breached: true }),
    // Running past due and not swept yet: breached all the same.
    perKind({ stoppedAt: null, pausedSince: null, breached: false, dueAt: { lte: now } }),
  ]);
  const samples: GaugeSample[] = [
    { metric: "tickets_open", labels: { practice: "incidents", kind: "INC" }, value: incidents },
    { metric: "tickets_open", labels: { practice: "changes", kind: "CHG" }, value: changes },
  ];
  for (const kind of ["response", "resolution"]) {
    const count = (rows: typeof running) => rows.find((row) => row.kind === kind)?._count._all ?? 0;
    samples.push(
      { metric: "sla_clocks", labels: { kind, state: "running" }, value: count(running) },
      { metric: "sla_clocks", labels: { kind, state: "paused" }, value: count(paused) },
      { metric: "sla_clocks", labels: { kind, state: "stopped" }, value: count(stopped) },
      { metric: "sla_breached_clocks", labels: { kind }, value: count(flagged) + count(overdue) },
    );
  }
  return samples;
}
