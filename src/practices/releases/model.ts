import type { PersonRef } from "../../kernel/people/actor.js";

/**
 * The vocabulary of release management (ITIL 4): a release is a named, versioned set of changes deployed
 * together in a window, after a go/no-go. Values are stored as strings; these lists are the only source of
 * what is allowed.
 */
export const RELEASE_PREFIX = "REL";

/**
 * The kind of item a release includes. Releases never import the changes practice: they name its prefix
 * and reach its items through the ticket directory (src/kernel/tickets/directory.ts).
 */
export const CHANGE_KIND = "CHG";

export const releaseStatuses = [
  "draft",
  "planned",
  "go_no_go",
  "no_go",
  "deploying",
  "deployed",
  "reviewed",
  "closed",
  "cancelled",
] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

/** Releases still on the calendar: they hold their changes and their window. */
export const activeReleaseStatuses: readonly ReleaseStatus[] = [
  "draft",
  "planned",
  "go_no_go",
  "no_go",
  "deploying",
];

/** A release can be cancelled until it starts deploying. */
export const cancellableStatuses: readonly ReleaseStatus[] = ["draft", "planned", "go_no_go", "no_go"];

/** Changes can be added while the release is being put together, before anyone votes on it. */
export const openForChanges: readonly ReleaseStatus[] = ["draft", "planned", "no_go"];

export const goDecisions = ["go", "no_go"] as const;
export type GoDecision = (typeof goDecisions)[number];

export const releaseLimits = { nameMax: 120, labelMax: 40, reasonMax: 500, changesMax: 30 } as const;

export interface ReleaseVote {
  person: PersonRef;
  decision: GoDecision;
  reason: string | null;
  at: Date;
}

export interface ReleaseSnapshot {
  id: number;
  number: number;
  ref: string;
  name: string;
  label: string;
  status: ReleaseStatus;
  windowStart: Date;
  windowEnd: Date;
  manager: PersonRef;
  requester: PersonRef;
  services: { id: string; name: string }[];
  approvalGroupId: string | null;
  quorum: number | null;
  decision: GoDecision | null;
  decidedAt: Date | null;
  deployStartedAt: Date | null;
  deployedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  votes: ReleaseVote[];
}

export function releaseRef(number: number): string {
  return `${RELEASE_PREFIX}-${number}`;
}
