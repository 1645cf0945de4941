import type { Prisma } from "../../db/client.js";
import {
  type CauseCategory,
  type Impact,
  knownErrorRef,
  type Priority,
  type ProblemSnapshot,
  type ProblemStatus,
  problemRef,
  type Urgency,
} from "./model.js";

/** What to load with a problem row to build its snapshot. */
export const problemInclude = {
  service: { select: { id: true, name: true } },
  reporter: { select: { id: true, displayName: true } },
  owner: { select: { id: true, displayName: true } },
  group: { select: { id: true, name: true } },
  knownError: { select: { number: true, status: true } },
} satisfies Prisma.ProblemInclude;

export type ProblemRow = Prisma.ProblemGetPayload<{ include: typeof problemInclude }>;

// Columns hold only values the core wrote after validation, so the casts below restore their types.
export function toProblemSnapshot(row: ProblemRow): ProblemSnapshot {
  return {
    id: row.id,
    number: row.number,
    ref: problemRef(row.number),
    title: row.title,
    description: row.description,
    symptom: row.symptom,
    impact: row.impact as Impact,
    urgency: row.urgency as Urgency,
    priority: row.priority as Priority,
    status: row.status as ProblemStatus,
    service: row.service,
    reporter: row.reporter,
    owner: row.owner,
    group: row.group,
    rootCause: row.rootCause,
    causeCategory: row.causeCategory as CauseCategory | null,
    workaround: row.workaround,
    resolutionNote: row.resolutionNote,
    cancelReason: row.cancelReason,
    knownError: row.knownError
      ? {
          number: row.knownError.number,
          ref: knownErrorRef(row.knownError.number),
          status: row.knownError.status,
        }
      : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    version: row.version,
  };
}
