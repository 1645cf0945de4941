import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
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
  plannedStart?: Date;
  plannedEnd?: Date;
  decision?: null;
  decidedAt?: null;
  blackoutOverride?: boolean;
}

export interface ChangePlan {
  update: ChangeUpdate;
  /** Rescheduling: the services the change now touches, and whether the old approval's votes are void. */
  services?: string[];
  clearVotes?: boolean;
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
  /** Rescheduling: the new window and services, read by the executor in the person's time zone. */
  reschedule?: { start: Date; end: Date; serviceIds: string[] };
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
    case "reschedule":
      return reschedule(input);
  }
}

/**
 * A new window or new services. A scheduled change's approval was given for the old plan, so a normal
 * change goes back to assessment and an emergency change back to new (its votes are void; the timeline
 * keeps them); a standard change stays scheduled, unless the new window is frozen.
 */
function reschedule(input: ChangeDecisionInput): ChangePlan {
  const { change } = input;
  const next = input.reschedule;
  if (!next) throw new Error("rescheduling needs the new window");
  const services = [...next.serviceIds].sort();
  const current = change.services.map((service) => service.id).sort();
  if (
    next.start.getTime() === change.plannedStart.getTime() &&
    next.end.getTime() === change.plannedEnd.getTime() &&
    services.join() === current.join()
  ) {
    throw new AlreadyDoneError(`${change.ref} is already planned for that window and those services.`);
  }
  const reapprove = change.status === "scheduled" && change.type !== "standard";
  if (change.status === "scheduled" && change.type === "standard") assertNotFrozen(input, "scheduled");
  const status: ChangeStatus = reapprove ? (change.type === "normal" ? "assess" : "new") : change.status;
  const update: ChangeUpdate = {
    status,
    plannedStart: next.start,
    plannedEnd: next.end,
    ...(reapprove ? { decision: null, decidedAt: null, approvalGroupId: null, blackoutOverride: false } : {}),
  };
  return {
    update,
    services,
    clearVotes: reapprove,
    event: {
      kind: "rescheduled",
      before: {
        status: change.status,
        plannedStart: change.plannedStart.toISOString(),
        plannedEnd: change.plannedEnd.toISOString(),
        services: current,
      },
      after: {
        status,
        plannedStart: next.start.toISOString(),
        plannedEnd: next.end.toISOString(),
        services,
      },
    },
  };
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
