import { ForbiddenError } from "../errors.js";
import type { PersonRef } from "../people/actor.js";

/**
 * The approval rules every vote in OpsDesk follows (a change's CAB, a release's go/no-go), pure: how many
 * approvals decide, who may vote, and what a set of votes means. ITIL 4 change enablement: a change
 * authority decides; nobody authorizes their own work. The database keeps one vote row per (item, person);
 * these functions only count what it holds.
 */

/** How many approvals decide: a fixed count, or a share of the eligible voters (rounded up). */
export type Quorum =
  | { readonly kind: "count"; readonly value: number }
  | { readonly kind: "percent"; readonly value: number };

/** Approvals needed: a fixed count, or a share of the eligible approvers rounded up (at least one). */
export function approvalsNeeded(quorum: Quorum, eligibleApprovers: number): number {
  if (quorum.kind === "count") return quorum.value;
  return Math.max(1, Math.ceil((quorum.value * eligibleApprovers) / 100));
}

/** The approvers left once the people who own the work are taken out; someone listed twice votes once. */
export function eligibleVoters(
  own: readonly (string | undefined)[],
  approvers: readonly PersonRef[],
): PersonRef[] {
  const excluded = new Set(own);
  const seen = new Set<string>();
  return approvers.filter((person) => {
    if (excluded.has(person.id) || seen.has(person.id)) return false;
    seen.add(person.id);
    return true;
  });
}

export interface Tally {
  approvals: number;
  rejections: number;
  needed: number;
}

export type Outcome = "approved" | "rejected" | "pending";

/** Any single rejection rejects; otherwise the quorum of approvals approves. */
export function outcomeOf(tally: Tally): Outcome {
  if (tally.rejections > 0) return "rejected";
  return tally.approvals >= tally.needed ? "approved" : "pending";
}

/** Counts votes whose decision says approve (`approve`, `go`) or anything else (a rejection). */
export function tallyOf(
  votes: readonly { decision: string }[],
  needed: number,
  approving: string = "approve",
): Tally {
  const approvals = votes.filter((vote) => vote.decision === approving).length;
  return { approvals, rejections: votes.length - approvals, needed };
}

/** Someone who may not vote on an item because it is their own work, and what to tell them. */
export interface OwnWork {
  readonly personId: string | undefined;
  readonly message: string;
}

/** Refuses a vote from the item's own people or from someone outside the approvers, saying why. */
export function assertMayVote(
  voter: PersonRef,
  own: readonly OwnWork[],
  approvers: readonly PersonRef[],
  notApproverMessage: string,
): void {
  const mine = own.find((entry) => entry.personId !== undefined && entry.personId === voter.id);
  if (mine) throw new ForbiddenError(mine.message);
  if (!approvers.some((person) => person.id === voter.id)) throw new ForbiddenError(notApproverMessage);
}
