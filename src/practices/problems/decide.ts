import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor, PersonRef } from "../../kernel/people/actor.js";
import type { ValidProblemAction } from "./inputs.js";
import { assertProblemActionAllowed } from "./lifecycle.js";
import type { ProblemAction, ProblemEventKind, ProblemSnapshot } from "./model.js";
import { assertMayPerform, type ProblemManagers } from "./permissions.js";

export interface ProblemPlan {
  update: Record<string, unknown>;
  event: {
    kind: ProblemEventKind;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    body?: string;
  };
}

export interface DecisionInput {
  problem: ProblemSnapshot;
  actor: Actor;
  command: Exclude<ValidProblemAction, { type: "publish" }>;
  now: Date;
  managers: ProblemManagers;
  /** For `assign`: the person named, read in the write's transaction. */
  owner?: PersonRef & { isAgent: boolean };
  /** For `close`: the linked incidents still open (labels), read in the write's transaction. */
  openIncidents?: readonly string[];
}

/**
 * Decides one problem action on the state read in the write's transaction: rights, lifecycle, and what
 * the row and the timeline get. Pure: no I/O, so every refusal is tested without a database.
 */
export function decideProblemChange(input: DecisionInput): ProblemPlan {
  const { problem, actor, command, now } = input;
  const action: ProblemAction = command.type;
  assertProblemActionAllowed(problem.ref, problem.status, action);
  assertMayPerform(actor, problem, action, input.managers);
  const status = (to: string) => ({ before: { status: problem.status }, after: { status: to } });
  switch (command.type) {
    case "assess":
      return {
        update: { status: "assess", ...(problem.owner ? {} : { ownerId: actor.person.id }) },
        event: { kind: "assessed", ...status("assess") },
      };
    case "analyse":
      return {
        update: { status: "root_cause_analysis" },
        event: { kind: "analysis_started", ...status("root_cause_analysis") },
      };
    case "take":
      if (problem.owner?.id === actor.person.id)
        throw new AlreadyDoneError(`You already own ${problem.ref}.`);
      return ownerPlan(problem, actor.person);
    case "assign": {
      const owner = input.owner;
      if (!owner) throw new Error("assign needs the owner read in the transaction");
      if (!owner.isAgent)
        throw new InvalidTransitionError(
          `${owner.displayName} is not an agent, so they cannot own ${problem.ref}.`,
        );
      if (problem.owner?.id === owner.id)
        throw new AlreadyDoneError(`${owner.displayName} already owns ${problem.ref}.`);
      return ownerPlan(problem, owner);
    }
    case "add_note":
      return { update: {}, event: { kind: "note_added", body: command.body } };
    case "record_cause":
      return {
        update: { rootCause: command.cause, causeCategory: command.category },
        event: {
          kind: "cause_recorded",
          before: { rootCause: problem.rootCause, causeCategory: problem.causeCategory },
          after: { rootCause: command.cause, causeCategory: command.category },
          body: command.cause,
        },
      };
    case "record_workaround":
      return {
        update: { workaround: command.workaround },
        event: {
          kind: "workaround_recorded",
          before: { workaround: problem.workaround },
          after: { workaround: command.workaround },
          body: command.workaround,
        },
      };
    case "start_fix":
      // ServiceNow asks for the cause notes before "Fix in progress": a fix without a known cause is a guess.
      if (!problem.rootCause)
        throw new InvalidTransitionError(
          `${problem.ref} has no root cause yet. Record it first: /problem cause ${problem.ref} <what causes it>.`,
        );
      return {
        update: { status: "fix_in_progress" },
        event: { kind: "fix_started", ...status("fix_in_progress") },
      };
    case "resolve":
      return {
        update: { status: "resolved", resolutionNote: command.note, resolvedAt: now },
        event: { kind: "resolved", ...status("resolved"), body: command.note },
      };
    case "close": {
      const open = input.openIncidents ?? [];
      // ITIL: a problem is closed once its incidents are dealt with; closing earlier would orphan them.
      if (open.length > 0)
        throw new InvalidTransitionError(
          `${problem.ref} still has open incidents: ${open.join(", ")}. Resolve them (or unlink them) before closing it.`,
        );
      return { update: { status: "closed", closedAt: now }, event: { kind: "closed", ...status("closed") } };
    }
    case "cancel":
      return {
        update: { status: "cancelled", cancelReason: command.reason, closedAt: now },
        event: { kind: "cancelled", ...status("cancelled"), body: command.reason },
      };
  }
}

function ownerPlan(problem: ProblemSnapshot, owner: PersonRef): ProblemPlan {
  return {
    update: { ownerId: owner.id },
    event: {
      kind: "assigned",
      before: { owner: problem.owner?.id ?? null },
      after: { owner: owner.id },
      body: owner.displayName,
    },
  };
}
