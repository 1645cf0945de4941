import type { Prisma } from "../../db/client.js";
import {
  type ChangeImpact,
  type ChangeRisk,
  type ChangeSnapshot,
  type ChangeStatus,
  type ChangeType,
  type ClosureCode,
  changeRef,
  type VoteDecision,
} from "./model.js";

/** What to load with a change row to build its snapshot. */
export const changeInclude = {
  requester: { select: { id: true, displayName: true } },
  assignee: { select: { id: true, displayName: true } },
  services: { include: { service: { select: { id: true, name: true } } }, orderBy: { serviceId: "asc" } },
  votes: { include: { person: { select: { id: true, displayName: true } } }, orderBy: { at: "asc" } },
} satisfies Prisma.ChangeInclude;

export type ChangeRow = Prisma.ChangeGetPayload<{ include: typeof changeInclude }>;

// Columns hold only values the core wrote after validation, so the casts below restore their types.
export function toChangeSnapshot(row: ChangeRow): ChangeSnapshot {
  return {
    id: row.id,
    number: row.number,
    ref: changeRef(row.number),
    title: row.title,
    description: row.description,
    type: row.type as ChangeType,
    templateId: row.templateId,
    risk: row.risk as ChangeRisk,
    impact: row.impact as ChangeImpact,
    status: row.status as ChangeStatus,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    implementationPlan: row.implementationPlan,
    backoutPlan: row.backoutPlan,
    testPlan: row.testPlan,
    services: row.services.map((link) => link.service),
    requester: row.requester,
    assignee: row.assignee,
    approvalGroupId: row.approvalGroupId,
    quorum: row.quorum,
    authorizeStartedAt: row.authorizeStartedAt,
    decision: row.decision as ChangeSnapshot["decision"],
    decidedAt: row.decidedAt,
    blackoutOverride: row.blackoutOverride,
    closureCode: row.closureCode as ClosureCode | null,
    closureNotes: row.closureNotes,
    implementStartedAt: row.implementStartedAt,
    implementEndedAt: row.implementEndedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    votes: row.votes.map((vote) => ({
      person: vote.person,
      decision: vote.decision as VoteDecision,
      reason: vote.reason,
      at: vote.at,
    })),
    version: row.version,
  };
}
