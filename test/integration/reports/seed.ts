// A small data set whose report figures are counted by hand in figures.test.ts. Rows are written the way
// the practices store them (the reports read tables, not code), with the desk on UTC and "now" on
// Friday 2026-11-20 12:00. The window of the tests is Monday 2026-11-02 to Sunday 2026-11-15: two weeks.
import type { Db } from "../../../src/db/client.js";

export const now = new Date("2026-11-20T12:00:00Z");
const minute = 60_000;
const hour = 3_600_000;

interface SeedIncident {
  number: number;
  priority: string;
  status: string;
  serviceId: string;
  createdAt: string;
  ackAfterMin?: number;
  resolvedAfterH?: number;
  /** [kind, outcome]: met (stopped in time), breached (flag set), running (due given), overdue. */
  clocks: [string, "met" | "breached" | "overdue" | "running"][];
}

const incidents: SeedIncident[] = [
  {
    number: 1,
    priority: "P1",
    status: "resolved",
    serviceId: "payments",
    createdAt: "2026-11-02T10:00:00Z",
    ackAfterMin: 10,
    resolvedAfterH: 2,
    clocks: [
      ["response", "met"],
      ["resolution", "met"],
    ],
  },
  {
    number: 2,
    priority: "P1",
    status: "resolved",
    serviceId: "payments",
    createdAt: "2026-11-03T10:00:00Z",
    ackAfterMin: 30,
    resolvedAfterH: 6,
    clocks: [
      ["response", "breached"],
      ["resolution", "met"],
    ],
  },
  {
    number: 3,
    priority: "P2",
    status: "closed",
    serviceId: "web",
    createdAt: "2026-11-04T09:00:00Z",
    ackAfterMin: 20,
    resolvedAfterH: 1,
    clocks: [
      ["response", "met"],
      ["resolution", "breached"],
    ],
  },
  {
    number: 4,
    priority: "P2",
    status: "in_progress",
    serviceId: "payments",
    createdAt: "2026-11-10T09:00:00Z",
    ackAfterMin: 40,
    clocks: [
      ["response", "met"],
      ["resolution", "overdue"],
    ],
  },
  {
    number: 5,
    priority: "P3",
    status: "new",
    serviceId: "web",
    createdAt: "2026-11-11T09:00:00Z",
    clocks: [
      ["response", "running"],
      ["resolution", "running"],
    ],
  },
  {
    number: 6,
    priority: "P1",
    status: "resolved",
    serviceId: "web",
    createdAt: "2026-11-12T08:00:00Z",
    ackAfterMin: 5,
    resolvedAfterH: 3,
    clocks: [
      ["response", "met"],
      ["resolution", "met"],
    ],
  },
  // Outside the window (before it, after it): in no figure but the backlog.
  {
    number: 7,
    priority: "P2",
    status: "closed",
    serviceId: "payments",
    createdAt: "2026-10-30T09:00:00Z",
    ackAfterMin: 1,
    resolvedAfterH: 1,
    clocks: [["response", "breached"]],
  },
  {
    number: 8,
    priority: "P4",
    status: "on_hold",
    serviceId: "web",
    createdAt: "2026-11-20T06:00:00Z",
    clocks: [],
  },
];

interface SeedChange {
  number: number;
  type: string;
  status: string;
  createdAt: string;
  closedAt?: string;
  closureCode?: string;
  services: string[];
}

const changes: SeedChange[] = [
  {
    number: 1,
    type: "normal",
    status: "closed",
    createdAt: "2026-11-02T08:00:00Z",
    closedAt: "2026-11-05T08:00:00Z",
    closureCode: "successful",
    services: ["payments"],
  },
  {
    number: 2,
    type: "normal",
    status: "closed",
    createdAt: "2026-11-03T08:00:00Z",
    closedAt: "2026-11-06T08:00:00Z",
    closureCode: "rolled_back",
    services: ["web"],
  },
  {
    number: 3,
    type: "standard",
    status: "closed",
    createdAt: "2026-11-09T08:00:00Z",
    closedAt: "2026-11-10T08:00:00Z",
    closureCode: "successful",
    services: ["payments"],
  },
  // Its closure code says it caused an incident; it counts as a failure because INC-6 is linked to it.
  {
    number: 4,
    type: "emergency",
    status: "closed",
    createdAt: "2026-11-10T08:00:00Z",
    closedAt: "2026-11-12T07:00:00Z",
    closureCode: "caused_incident",
    services: ["web"],
  },
  {
    number: 5,
    type: "normal",
    status: "scheduled",
    createdAt: "2026-11-12T08:00:00Z",
    services: ["payments"],
  },
  {
    number: 6,
    type: "normal",
    status: "closed",
    createdAt: "2026-10-20T08:00:00Z",
    closedAt: "2026-10-25T08:00:00Z",
    closureCode: "successful",
    services: ["payments"],
  },
];

/** [incident, change]: incident `caused_by` change. INC-5 started right after CHG-1 closed: not linked. */
const causedBy: [number, number][] = [
  [4, 3],
  [3, 3],
  [6, 4],
  [7, 6],
];

export async function seedReportData(db: Db): Promise<void> {
  await db.person.create({ data: { id: "ada", displayName: "Ada" } });
  for (const id of ["payments", "web"]) await db.service.create({ data: { id, name: id, tier: 2 } });
  for (const seed of incidents) {
    const createdAt = new Date(seed.createdAt);
    const ack =
      seed.ackAfterMin !== undefined ? new Date(createdAt.getTime() + seed.ackAfterMin * minute) : null;
    const resolved =
      seed.resolvedAfterH !== undefined ? new Date(createdAt.getTime() + seed.resolvedAfterH * hour) : null;
    const incident = await db.incident.create({
      data: {
        number: seed.number,
        title: `Incident ${seed.number}`,
        impact: "medium",
        urgency: "medium",
        priority: seed.priority,
        status: seed.status,
        serviceId: seed.serviceId,
        reporterId: "ada",
        createdAt,
        updatedAt: createdAt,
        acknowledgedAt: ack,
        resolvedAt: resolved,
      },
    });
    for (const [kind, outcome] of seed.clocks) {
      const stoppedAt = kind === "response" ? ack : resolved;
      const stopped = outcome === "met" || outcome === "breached";
      await db.slaClock.create({
        data: {
          incidentId: incident.id,
          kind,
          cycle: 0,
          priority: seed.priority,
          targetSeconds: 3600,
          calendarId: "24x7",
          thresholds: "[]",
          policy: "default",
          startedAt: createdAt,
          stoppedAt: stopped ? (stoppedAt ?? createdAt) : null,
          stopReason: stopped ? (kind === "response" ? "acknowledged" : "resolved") : null,
          breached: outcome === "breached",
          dueAt:
            outcome === "overdue"
              ? new Date("2026-11-11T09:00:00Z")
              : outcome === "running"
                ? new Date("2026-12-01T00:00:00Z")
                : null,
          updatedAt: createdAt,
        },
      });
    }
  }
  for (const seed of changes) {
    const createdAt = new Date(seed.createdAt);
    await db.change.create({
      data: {
        number: seed.number,
        title: `Change ${seed.number}`,
        type: seed.type,
        risk: "low",
        impact: "low",
        status: seed.status,
        plannedStart: createdAt,
        plannedEnd: createdAt,
        requesterId: "ada",
        closureCode: seed.closureCode ?? null,
        closedAt: seed.closedAt ? new Date(seed.closedAt) : null,
        createdAt,
        updatedAt: createdAt,
        services: { create: seed.services.map((serviceId) => ({ serviceId })) },
      },
    });
  }
  for (const [incident, change] of causedBy) {
    await db.ticketLink.create({
      data: {
        fromKind: "INC",
        fromKey: String(incident),
        toKind: "CHG",
        toKey: String(change),
        relation: "caused_by",
        createdAt: now,
        createdById: "ada",
      },
    });
  }
}
