import { assertMayVote as assertMayVoteOn, eligibleVoters } from "../../kernel/approvals/rules.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import type { ChangeSnapshot } from "./model.js";

/**
 * The CAB's rules for changes: the kernel's approval rules (src/kernel/approvals/rules.ts), with the
 * change's own people (requester, implementer) taken out and the refusals worded for a change.
 */
export {
  approvalsNeeded,
  type Outcome,
  outcomeOf,
  type Tally,
  tallyOf,
} from "../../kernel/approvals/rules.js";

/** The requester and the assignee never approve their own change, whatever groups they sit in. */
export function eligibleApprovers(
  change: Pick<ChangeSnapshot, "requester" | "assignee">,
  approvers: readonly PersonRef[],
): PersonRef[] {
  return eligibleVoters([change.requester.id, change.assignee?.id], approvers);
}

/** Refuses a vote from someone who may not cast it, saying why. */
export function assertMayVote(
  change: Pick<ChangeSnapshot, "ref" | "requester" | "assignee">,
  voter: PersonRef,
  approvers: readonly PersonRef[],
  groupName: string,
): void {
  assertMayVoteOn(
    voter,
    [
      {
        personId: change.requester.id,
        message: `You requested ${change.ref}, so you cannot approve or reject it yourself.`,
      },
      {
        personId: change.assignee?.id,
        message: `You are implementing ${change.ref}, so you cannot approve or reject it yourself.`,
      },
    ],
    approvers,
    `Only members of ${groupName} can approve or reject ${change.ref}. Ask an admin if you should be one.`,
  );
}
