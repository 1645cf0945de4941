import type { Quorum } from "../../config/change-settings.js";
import { ForbiddenError } from "../../kernel/errors.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import type { ChangeSnapshot, VoteDecision } from "./model.js";

/**
 * The approval rules, pure: how many approvals decide, who may vote, and what a set of votes means. The
 * database keeps one vote row per (change, person); these functions only count what it holds.
 */

/** Approvals needed: a fixed count, or a share of the eligible approvers rounded up (at least one). */
export function approvalsNeeded(quorum: Quorum, eligibleApprovers: number): number {
  if (quorum.kind === "count") return quorum.value;
  return Math.max(1, Math.ceil((quorum.value * eligibleApprovers) / 100));
}

/** The requester and the assignee never approve their own change, whatever groups they sit in. */
export function eligibleApprovers(
  change: Pick<ChangeSnapshot, "requester" | "assignee">,
  approvers: readonly PersonRef[],
): PersonRef[] {
  const own = new Set([change.requester.id, change.assignee?.id]);
  const seen = new Set<string>();
  return approvers.filter((person) => {
    if (own.has(person.id) || seen.has(person.id)) return false;
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

export function tallyOf(votes: readonly { decision: VoteDecision }[], needed: number): Tally {
  return {
    approvals: votes.filter((vote) => vote.decision === "approve").length,
    rejections: votes.filter((vote) => vote.decision === "reject").length,
    needed,
  };
}

/** Refuses a vote from someone who may not cast it, saying why. */
export function assertMayVote(
  change: Pick<ChangeSnapshot, "ref" | "requester" | "assignee">,
  voter: PersonRef,
  approvers: readonly PersonRef[],
  groupName: string,
): void {
  if (voter.id === change.requester.id) {
    throw new ForbiddenError(`You requested ${change.ref}, so you cannot approve or reject it yourself.`);
  }
  if (voter.id === change.assignee?.id) {
    throw new ForbiddenError(
      `You are implementing ${change.ref}, so you cannot approve or reject it yourself.`,
    );
  }
  if (!approvers.some((person) => person.id === voter.id)) {
    throw new ForbiddenError(
      `Only members of ${groupName} can approve or reject ${change.ref}. Ask an admin if you should be one.`,
    );
  }
}
