/**
 * The vocabulary of change enablement (ITIL 4): requests for change, their types, lifecycle, votes and
 * closure codes. Values are stored as strings; these lists are the only source of what is allowed.
 */
export {
  type ChangeImpact,
  type ChangeRisk,
  changeImpacts,
  changeRisks,
} from "../../kernel/assessment.js";

import type { ChangeImpact, ChangeRisk } from "../../kernel/assessment.js";
import type { PersonRef } from "../../kernel/people/actor.js";

export const changeTypes = ["normal", "standard", "emergency"] as const;
export type ChangeType = (typeof changeTypes)[number];

/** Types someone may request by hand; standard changes come from a template. */
export const requestableChangeTypes = ["normal", "emergency"] as const;

export const changeStatuses = [
  "new",
  "assess",
  "authorize",
  "scheduled",
  "implement",
  "review",
  "closed",
  "cancelled",
  "rejected",
] as const;
export type ChangeStatus = (typeof changeStatuses)[number];

/** Changes that still hold their window: they conflict with others that overlap it. */
export const activeChangeStatuses: readonly ChangeStatus[] = [
  "new",
  "assess",
  "authorize",
  "scheduled",
  "implement",
];

export const closureCodes = ["successful", "rolled_back", "caused_incident", "overran"] as const;
export type ClosureCode = (typeof closureCodes)[number];

export const voteDecisions = ["approve", "reject"] as const;
export type VoteDecision = (typeof voteDecisions)[number];

/** Everything a person can do to a change; buttons and text subcommands map onto these. */
export const changeActions = [
  "submit",
  "request_approval",
  "approve",
  "reject",
  "start",
  "finish",
  "close",
  "cancel",
  "reschedule",
] as const;
export type ChangeAction = (typeof changeActions)[number];

export const CHANGE_PREFIX = "CHG";

export function changeRef(number: number): string {
  return `${CHANGE_PREFIX}-${number}`;
}

export interface ChangeVoteView {
  person: PersonRef;
  decision: VoteDecision;
  reason: string | null;
  at: Date;
}

/** A change as the rest of OpsDesk sees it: read-only, platform-neutral. */
export interface ChangeSnapshot {
  id: number;
  number: number;
  ref: string;
  title: string;
  description: string;
  type: ChangeType;
  templateId: string | null;
  risk: ChangeRisk;
  impact: ChangeImpact;
  status: ChangeStatus;
  plannedStart: Date;
  plannedEnd: Date;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  services: { id: string; name: string }[];
  requester: PersonRef;
  assignee: PersonRef | null;
  approvalGroupId: string | null;
  quorum: number | null;
  authorizeStartedAt: Date | null;
  decision: "approved" | "rejected" | null;
  decidedAt: Date | null;
  blackoutOverride: boolean;
  closureCode: ClosureCode | null;
  closureNotes: string | null;
  implementStartedAt: Date | null;
  implementEndedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  votes: ChangeVoteView[];
  version: number;
}

export const changeLimits = {
  titleMax: 150,
  descriptionMax: 3000,
  planMax: 3000,
  reasonMax: 500,
  notesMax: 3000,
  servicesMax: 10,
} as const;
