import { InvalidTransitionError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import { blackoutsIn, type Conflict } from "./conflicts.js";
import type { ValidChangeAction } from "./inputs.js";
import { assertChangeActionAllowed, submitTarget } from "./lifecycle.js";
import type { ChangeSnapshot, ChangeStatus, ClosureCode } from "./model.js";
import { assertMayWork } from "./permissions.js";
import { formatLocal } from "./planned-window.js";

/** The columns a lifecycle decision may change. Votes are decided in cast-vote.ts. */
export interface ChangeUpdate {
  status?: ChangeStatus;
  approvalGroupId?: string | null;
  quorum?: number;
  authorizeStartedAt?: Date;
  implementStartedAt?: Date;
  implementEndedAt?: Date;
  closureCode?: ClosureCode;
  closureNotes?: string;
  closedAt?: Date;
}

export interface ChangePlan {
  update: ChangeUpdate;
  event: { kind: string; before: Record<string, unknown>; after: Record<string, unknown>; body?: string };
}

export interface ChangeDecisionInput {
  change: ChangeSnapshot;
  actor: Actor;
  command: ValidChangeAction;
  now: Date;
  conflicts: readonly Conflict[];
  /** Looked up by the executor when the change is about to ask for approval. */
  approval?: { groupId: string | null; needed: number };
  timezone: string;
}

/**
 * Decides one lifecycle step: checks the state machine, the actor's rights and the freeze rules, and
 * returns the column changes and the timeline entry. Pure: same input, same plan.
 */
export function decideChangeAction(input: ChangeDecisionInput): ChangePlan {
  const { change, actor, command, now } = input;
  assertChangeActionAllowed(change, command.type);
  assertMayWork(actor, change, command.type);
  const from = { status: change.status };

  switch (command.type) {
    case "submit": {
      const status = submitTarget(change.type);
      if (status !== "assess") assertNotFrozen(input, status);
      return plan("submitted", from, withApproval(input, status, now));
    }
    case "request_approval":
      assertNotFrozen(input, "authorize");
      return plan("approval_requested", from, withApproval(input, "authorize", now));
    case "start":
      return plan("implementation_started", from, { status: "implement", implementStartedAt: now });
    case "finish":
      return plan("implementation_finished", from, { status: "review", implementEndedAt: now });
    case "close":
      return plan(
        "closed",
        from,
        { status: "closed", closureCode: command.code, closureNotes: command.notes, closedAt: now },
        command.notes || undefined,
      );
    case "cancel":
      return plan("cancelled", from, { status: "cancelled" }, command.reason);
  }
}

function withApproval(input: ChangeDecisionInput, status: ChangeStatus, now: Date): ChangeUpdate {
  if (status !== "authorize") return { status };
  if (!input.approval) throw new Error("entering authorize needs the approval rule");
  return {
    status,
    approvalGroupId: input.approval.groupId,
    quorum: input.approval.needed,
    authorizeStartedAt: now,
  };
}

/**
 * A normal (or standard) change cannot be authorized inside a blackout; an emergency change can, and the
 * override is recorded when it is approved.
 */
function assertNotFrozen(input: ChangeDecisionInput, status: ChangeStatus): void {
  if (input.change.type === "emergency") return;
  const [blackout] = blackoutsIn(input.conflicts);
  if (!blackout) return;
  const what = status === "scheduled" ? "scheduled" : "sent for approval";
  throw new InvalidTransitionError(
    `${input.change.ref} cannot be ${what}: its window overlaps the blackout "${blackout.name}" ` +
      `(${formatLocal(blackout.start, input.timezone)} – ${formatLocal(blackout.end, input.timezone)}). ` +
      "Move the change out of the blackout, or raise an emergency change if it cannot wait.",
  );
}

function plan(
  kind: string,
  before: Record<string, unknown>,
  update: ChangeUpdate,
  body?: string,
): ChangePlan {
  const after: Record<string, unknown> = {};
  if (update.status !== undefined) after.status = update.status;
  if (update.closureCode !== undefined) after.closureCode = update.closureCode;
  return { update, event: { kind, before, after, ...(body ? { body } : {}) } };
}
