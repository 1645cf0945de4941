import type { Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { actorForPerson } from "../../kernel/people/resolve-actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import { validate } from "../../kernel/validate.js";
import { type IncidentContext, runChangeHooks } from "./context.js";
import { type AssignmentTarget, decideIncidentChange } from "./decide.js";
import { findIncident } from "./find-incident.js";
import {
  type DecidableIncidentAction,
  type IncidentActionInput,
  incidentActionSchema,
  type ValidIncidentAction,
} from "./inputs.js";
import type { IncidentSnapshot } from "./model.js";
import { incidentInclude, toSnapshot } from "./snapshot.js";

export interface IncidentActionResult {
  incident: IncidentSnapshot;
  previous: IncidentSnapshot;
  kind: string;
}

/**
 * Applies one command to an incident. The write is conditional on the version the decision was made on,
 * so of two simultaneous clicks exactly one wins; the loser's attempt is decided again on the new state,
 * where it usually becomes a clear "already done" or "not allowed now" message.
 */
export async function applyIncidentAction(
  ctx: IncidentContext,
  actor: Actor,
  number: number,
  command: IncidentActionInput,
): Promise<IncidentActionResult> {
  const valid = validate(incidentActionSchema, command);
  return writeOnVersion(ctx, `INC-${number}`, (tx) => attemptOnce(ctx, tx, actor, number, valid));
}

async function attemptOnce(
  ctx: IncidentContext,
  tx: Tx,
  actor: Actor,
  number: number,
  requested: ValidIncidentAction,
): Promise<IncidentActionResult | null> {
  const previous = await findIncident(tx, number);
  const now = ctx.clock.now();
  const command: DecidableIncidentAction =
    requested.type === "change_priority"
      ? {
          ...requested,
          impact: requested.impact ?? previous.impact,
          urgency: requested.urgency ?? previous.urgency,
        }
      : requested;
  const target = command.type === "assign" ? await assignmentTarget(tx, command) : undefined;
  const plan = decideIncidentChange({
    incident: previous,
    actor,
    command,
    now,
    matrix: ctx.priorityMatrix,
    target,
  });

  const { count } = await tx.incident.updateMany({
    where: { id: previous.id, version: previous.version },
    data: { ...plan.update, updatedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return null;

  await appendTimeline(tx, {
    ticketKind: "incident",
    ticketId: previous.id,
    at: now,
    actorId: actor.person.id,
    kind: plan.event.kind,
    visibility: plan.event.visibility,
    before: plan.event.before,
    after: plan.event.after,
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  const incident = toSnapshot(
    await tx.incident.findUniqueOrThrow({ where: { id: previous.id }, include: incidentInclude }),
  );
  await runChangeHooks(ctx, tx, {
    kind: plan.event.kind,
    incident,
    previous,
    actor,
    visibility: plan.event.visibility,
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  return { incident, previous, kind: plan.event.kind };
}

async function assignmentTarget(
  tx: Tx,
  command: Extract<DecidableIncidentAction, { type: "assign" }>,
): Promise<AssignmentTarget> {
  const target: AssignmentTarget = {};
  if (command.assigneeId) {
    const person = await actorForPerson(tx, command.assigneeId);
    if (!person)
      throw new NotFoundError("OpsDesk does not know that person yet; they need to use OpsDesk once first.");
    target.person = { ...person.person, isAgent: isAgent(person) };
  }
  if (command.groupId) {
    const group = await tx.group.findUnique({ where: { id: command.groupId } });
    if (!group) throw new NotFoundError(`There is no group "${command.groupId}" in opsdesk.yaml.`);
    target.group = { id: group.id, name: group.name };
  }
  return target;
}
