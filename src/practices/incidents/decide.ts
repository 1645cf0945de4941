import { AlreadyDoneError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { type PriorityMatrix, priorityFor } from "../../kernel/priority.js";
import type { DecidableIncidentAction } from "./inputs.js";
import { assertActionAllowed } from "./lifecycle.js";
import type {
  HoldReason,
  Impact,
  IncidentEventKind,
  IncidentSnapshot,
  IncidentStatus,
  Priority,
  Urgency,
} from "./model.js";
import { assertMayPerform, assertMayWriteInternal } from "./permissions.js";

/** The columns a decision may change. */
export interface IncidentUpdate {
  status?: IncidentStatus;
  holdReason?: HoldReason | null;
  assigneeId?: string | null;
  assignedGroupId?: string | null;
  impact?: Impact;
  urgency?: Urgency;
  priority?: Priority;
  major?: boolean;
  resolutionCode?: string | null;
  resolutionNote?: string | null;
  acknowledgedAt?: Date;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
}

export interface IncidentChangePlan {
  update: IncidentUpdate;
  event: {
    kind: IncidentEventKind;
    visibility: "public" | "internal";
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    body?: string;
  };
}

/** Facts the executor looked up for an assignment; decisions themselves never touch the database. */
export interface AssignmentTarget {
  person?: { id: string; displayName: string; isAgent: boolean };
  group?: { id: string; name: string };
}

export interface DecisionInput {
  incident: IncidentSnapshot;
  actor: Actor;
  command: DecidableIncidentAction;
  now: Date;
  matrix: PriorityMatrix;
  target?: AssignmentTarget;
}

/** Raised when the change was already made, e.g. by a double click; the person is told, nothing changes. */

/**
 * Decides what a command does to an incident: checks the lifecycle and the actor's rights, and returns the
 * column changes and the timeline entry. Pure: same input, same plan.
 */
export function decideIncidentChange(input: DecisionInput): IncidentChangePlan {
  const { incident, actor, command, now } = input;
  const ref = incident.ref;
  const me = actor.person;

  if (command.type === "acknowledge" && incident.acknowledgedAt) {
    throw new AlreadyDoneError(`${ref} was already acknowledged${by(incident.assignee?.displayName)}.`);
  }
  assertActionAllowed(ref, incident.status, command.type);
  assertMayPerform(actor, incident, command.type);

  switch (command.type) {
    case "acknowledge":
      return plan(
        "acknowledged",
        { status: incident.status },
        {
          status: "in_progress",
          acknowledgedAt: now,
          assigneeId: incident.assignee?.id ?? me.id,
        },
        { assignee: incident.assignee?.displayName ?? me.displayName },
      );

    case "assign_to_me": {
      if (incident.assignee?.id === me.id) throw new AlreadyDoneError(`${ref} is already assigned to you.`);
      // "Assign to me" takes an incident nobody holds. Decided on the state read inside the write, so of two
      // agents pressing it at once the second is told who won instead of silently taking it over (ITIL:
      // reassignment is a deliberate step, made by naming the new assignee).
      if (incident.assignee) {
        throw new AlreadyDoneError(
          `${ref} was already assigned to ${incident.assignee.displayName}. To take it over, name the new assignee: /incident assign ${ref} to:@name`,
        );
      }
      return assignment(incident, now, { id: me.id, displayName: me.displayName }, undefined);
    }

    case "assign": {
      const target = input.target ?? {};
      if (!target.person && !target.group) {
        throw new ValidationError("Say who to assign it to: a person, a group, or use Assign to me.");
      }
      if (target.person && !target.person.isAgent) {
        throw new ValidationError(
          `${target.person.displayName} is not an agent, so ${ref} cannot be assigned to them. Pick someone from an agent group.`,
        );
      }
      if (
        target.person?.id === incident.assignee?.id &&
        (!target.group || target.group.id === incident.assignedGroup?.id)
      ) {
        throw new AlreadyDoneError(`${ref} is already assigned to ${target.person?.displayName ?? "them"}.`);
      }
      return assignment(incident, now, target.person, target.group);
    }

    case "add_note": {
      if (command.visibility === "internal") assertMayWriteInternal(actor);
      return {
        update: {},
        event: {
          kind: "note_added",
          visibility: command.visibility,
          before: {},
          after: {},
          body: command.body,
        },
      };
    }

    case "change_priority": {
      const priority = priorityFor(input.matrix, command.impact, command.urgency);
      if (command.impact === incident.impact && command.urgency === incident.urgency) {
        throw new AlreadyDoneError(
          `${ref} already has impact ${command.impact} and urgency ${command.urgency}.`,
        );
      }
      return {
        update: { impact: command.impact, urgency: command.urgency, priority },
        event: {
          kind: "priority_changed",
          visibility: "public",
          before: { impact: incident.impact, urgency: incident.urgency, priority: incident.priority },
          after: { impact: command.impact, urgency: command.urgency, priority },
          body: command.reason,
        },
      };
    }

    case "hold":
      return plan(
        "put_on_hold",
        { status: incident.status },
        { status: "on_hold", holdReason: command.reason },
        { holdReason: command.reason },
        command.note || undefined,
      );

    case "resume":
      return plan(
        "resumed",
        { status: incident.status, holdReason: incident.holdReason },
        { status: "in_progress", holdReason: null },
        {},
      );

    case "resolve":
      return plan(
        "resolved",
        { status: incident.status },
        {
          status: "resolved",
          holdReason: null,
          resolutionCode: command.code,
          resolutionNote: command.note,
          resolvedAt: now,
          // Resolving counts as acknowledging when nobody acknowledged first (a quick fix).
          ...(incident.acknowledgedAt ? {} : { acknowledgedAt: now }),
          ...(incident.assignee ? {} : { assigneeId: me.id }),
        },
        { resolutionCode: command.code },
        command.note,
      );

    case "reopen":
      return plan(
        "reopened",
        { status: incident.status, resolutionCode: incident.resolutionCode },
        { status: "in_progress", resolutionCode: null, resolutionNote: null, resolvedAt: null },
        {},
        command.reason,
      );

    case "close":
      return plan("closed", { status: incident.status }, { status: "closed", closedAt: now }, {});

    case "cancel":
      return plan(
        "cancelled",
        { status: incident.status },
        { status: "cancelled", holdReason: null, closedAt: now },
        {},
        command.reason,
      );

    case "declare_major":
      if (incident.major) throw new AlreadyDoneError(`${ref} is already a major incident.`);
      return plan("major_declared", { major: false }, { major: true }, {});
  }
}

function by(name: string | undefined): string {
  return name ? ` by ${name}` : "";
}

function plan(
  kind: IncidentEventKind,
  before: Record<string, unknown>,
  update: IncidentUpdate,
  extraAfter: Record<string, unknown>,
  body?: string,
): IncidentChangePlan {
  const after: Record<string, unknown> = { ...extraAfter };
  if (update.status !== undefined) after.status = update.status;
  return { update, event: { kind, visibility: "public", before, after, ...(body ? { body } : {}) } };
}

function assignment(
  incident: IncidentSnapshot,
  now: Date,
  person: { id: string; displayName: string } | undefined,
  group: { id: string; name: string } | undefined,
): IncidentChangePlan {
  const update: IncidentUpdate = {};
  if (person) update.assigneeId = person.id;
  if (group) update.assignedGroupId = group.id;
  // Taking a new incident starts work on it (ITIL: assignment moves it to in progress).
  if (incident.status === "new" && person) {
    update.status = "in_progress";
    update.acknowledgedAt = incident.acknowledgedAt ?? now;
  }
  return {
    update,
    event: {
      kind: "assigned",
      visibility: "public",
      before: {
        assignee: incident.assignee?.displayName ?? null,
        group: incident.assignedGroup?.name ?? null,
      },
      after: {
        assignee: person?.displayName ?? incident.assignee?.displayName ?? null,
        group: group?.name ?? incident.assignedGroup?.name ?? null,
        ...(update.status ? { status: update.status } : {}),
      },
    },
  };
}
