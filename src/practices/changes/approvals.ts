import { ForbiddenError } from "../../kernel/errors.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import type { ChangeSnapshot } from "./model.js";

export { approvalsNeeded, type Outcome, outcomeOf, type Tally, tallyOf } from "../../kernel/approvals.js";

/**
 * The approval rules, pure: how many approvals decide, who may vote, and what a set of votes means. The
 * database keeps one vote row per (change, person); these functions only count what it holds.
 */

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
