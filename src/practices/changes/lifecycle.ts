import { InvalidTransitionError } from "../../kernel/errors.js";
import type { ChangeAction, ChangeSnapshot, ChangeStatus, ChangeType } from "./model.js";

/**
 * The change state machines (ITIL change enablement):
 * - normal:    new → assess → authorize → scheduled → implement → review → closed
 * - standard:  new → scheduled (pre-approved by its template) → implement → review → closed
 * - emergency: new → authorize (emergency CAB) → scheduled → implement → review → closed
 * A rejection ends the change in `rejected`; cancel is allowed from new up to (not including) implement.
 */
const allowed: Record<ChangeStatus, readonly ChangeAction[]> = {
  new: ["submit", "reschedule", "cancel"],
  assess: ["request_approval", "reschedule", "cancel"],
  authorize: ["approve", "reject", "cancel"],
  scheduled: ["start", "reschedule", "cancel"],
  implement: ["finish"],
  review: ["close"],
  closed: [],
  cancelled: [],
  rejected: [],
};

/** Where `submit` leads: assessment for normal changes, straight to the emergency CAB, or pre-approved. */
export function submitTarget(type: ChangeType): ChangeStatus {
  if (type === "normal") return "assess";
  if (type === "emergency") return "authorize";
  return "scheduled";
}

export function actionsAllowedFor(change: Pick<ChangeSnapshot, "status">): readonly ChangeAction[] {
  return allowed[change.status];
}

const statusWords: Record<ChangeStatus, string> = {
  new: "new",
  assess: "being assessed",
  authorize: "waiting for approval",
  scheduled: "scheduled",
  implement: "being implemented",
  review: "in review",
  closed: "closed",
  cancelled: "cancelled",
  rejected: "rejected",
};

export function describeChangeStatus(status: ChangeStatus): string {
  return statusWords[status];
}

const verbs: Record<ChangeAction, string> = {
  submit: "submit",
  request_approval: "send for approval",
  approve: "approve",
  reject: "reject",
  start: "start implementing",
  finish: "finish implementing",
  close: "close",
  cancel: "cancel",
  reschedule: "reschedule",
};

const hints: Record<ChangeStatus, string> = {
  new: "Submit it first.",
  assess: "Send it for approval first.",
  authorize: "It waits for the approvers' decision; cancel it and raise a new one to change its window.",
  scheduled: "Start the implementation when its window opens.",
  implement: "Finish the implementation first; a change being implemented can no longer be cancelled.",
  review: "Close it with a closure code.",
  closed: "Closed changes cannot change; raise a new change instead.",
  cancelled: "Cancelled changes cannot change; raise a new change instead.",
  rejected: "Rejected changes cannot change; raise a new change with what the approvers asked for.",
};

export function assertChangeActionAllowed(change: ChangeSnapshot, action: ChangeAction): void {
  if (allowed[change.status].includes(action)) return;
  throw new InvalidTransitionError(
    `${change.ref} is ${statusWords[change.status]}, so you cannot ${verbs[action]} it. ${hints[change.status]}`,
  );
}
