import type { Db } from "../../../db/client.js";

/*
 * The one place the reports read the Incident and SlaClock tables (owned by the incidents practice). A
 * practice may not import another practice, so the reports read the rows they aggregate here, with Prisma,
 * and know nothing else of incidents' code. Column meanings follow src/practices/incidents/models.prisma.
 */

export interface IncidentRow {
  readonly number: number;
  readonly priority: string;
  readonly status: string;
  readonly serviceId: string | null;
  readonly createdAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly resolvedAt: Date | null;
}

export interface ClockRow {
  readonly incidentNumber: number;
  readonly serviceId: string | null;
  readonly incidentCreatedAt: Date;
  /** `response` or `resolution`. */
  readonly kind: string;
  readonly priority: string;
  readonly stoppedAt: Date | null;
  /** Why it stopped: `acknowledged`, `responded` and `resolved` mean met in time unless breached. */
  readonly stopReason: string | null;
  /** Breached, or still running (not paused) past its due instant at the report's time. */
  readonly breached: boolean;
}

/** Incidents raised in [from, to), of one service when given. */
export async function incidentsRaised(
  db: Db,
  window: { from: Date; to: Date },
  serviceId: string | undefined,
): Promise<IncidentRow[]> {
  return db.incident.findMany({
    where: { createdAt: { gte: window.from, lt: window.to }, ...(serviceId ? { serviceId } : {}) },
    select: {
      number: true,
      priority: true,
      status: true,
      serviceId: true,
      createdAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
    },
  });
}

/** The SLA clocks (every cycle) of incidents raised in [from, to). */
export async function clocksOfIncidentsRaised(
  db: Db,
  window: { from: Date; to: Date },
  serviceId: string | undefined,
  now: Date,
): Promise<ClockRow[]> {
  const rows = await db.slaClock.findMany({
    where: {
      incident: { createdAt: { gte: window.from, lt: window.to }, ...(serviceId ? { serviceId } : {}) },
    },
    select: {
      kind: true,
      priority: true,
      stoppedAt: true,
      stopReason: true,
      breached: true,
      pausedSince: true,
      dueAt: true,
      incident: { select: { number: true, serviceId: true, createdAt: true } },
    },
  });
  return rows.map((row) => ({
    incidentNumber: row.incident.number,
    serviceId: row.incident.serviceId,
    incidentCreatedAt: row.incident.createdAt,
    kind: row.kind,
    priority: row.priority,
    stoppedAt: row.stoppedAt,
    stopReason: row.stopReason,
    breached:
      row.breached ||
      (row.stoppedAt === null && row.pausedSince === null && row.dueAt !== null && row.dueAt <= now),
  }));
}

/** Statuses in which an incident is still being worked on. */
const openIncidentStatuses = ["new", "in_progress", "on_hold"];

/** When each open incident was raised, of one service when given. */
export async function openIncidents(db: Db, serviceId: string | undefined): Promise<{ createdAt: Date }[]> {
  return db.incident.findMany({
    where: { status: { in: openIncidentStatuses }, ...(serviceId ? { serviceId } : {}) },
    select: { createdAt: true },
  });
}
