/**
 * Approval by quorum, shared by every practice that asks people to approve (changes, service requests):
 * how many approvals decide, and what a set of votes means. ITIL 4 change enablement and service request
 * management both leave the rule to the organisation; OpsDesk's is "a quorum approves, any rejection rejects".
 */

/** How many approvals decide: a fixed number, or a share of the approvers (rounded up). */
export type Quorum =
  | { readonly kind: "count"; readonly value: number }
  | { readonly kind: "percent"; readonly value: number };

export type VoteDecision = "approve" | "reject";

/** Approvals needed: a fixed count, or a share of the eligible approvers rounded up (at least one). */
export function approvalsNeeded(quorum: Quorum, eligibleApprovers: number): number {
  if (quorum.kind === "count") return quorum.value;
  return Math.max(1, Math.ceil((quorum.value * eligibleApprovers) / 100));
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

export function tallyOf(votes: readonly { decision: VoteDecision | string | null }[], needed: number): Tally {
  return {
    approvals: votes.filter((vote) => vote.decision === "approve").length,
    rejections: votes.filter((vote) => vote.decision === "reject").length,
    needed,
  };
}
