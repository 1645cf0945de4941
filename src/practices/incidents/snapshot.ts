import type { Prisma } from "../../db/client.js";
import {
  type HoldReason,
  type Impact,
  type IncidentSnapshot,
  type IncidentStatus,
  incidentRef,
  type Priority,
  type ResolutionCode,
  type Urgency,
} from "./model.js";

/** What to load with an incident row to build its snapshot. */
export const incidentInclude = {
  service: { select: { id: true, name: true } },
  reporter: { select: { id: true, displayName: true } },
  assignee: { select: { id: true, displayName: true } },
  assignedGroup: { select: { id: true, name: true } },
} satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;

// Columns hold only values the core wrote after validation, so the casts below restore their types.
export function toSnapshot(row: IncidentRow): IncidentSnapshot {
  return {
    id: row.id,
    number: row.number,
    ref: incidentRef(row.number),
    title: row.title,
    description: row.description,
    impact: row.impact as Impact,
    urgency: row.urgency as Urgency,
    priority: row.priority as Priority,
    status: row.status as IncidentStatus,
    holdReason: row.holdReason as HoldReason | null,
    service: row.service,
    category: row.category,
    reporter: row.reporter,
    assignee: row.assignee,
    assignedGroup: row.assignedGroup,
    major: row.major,
    resolutionCode: row.resolutionCode as ResolutionCode | null,
    resolutionNote: row.resolutionNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    version: row.version,
  };
}
