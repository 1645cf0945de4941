import type { Tx } from "../../db/client.js";
import { InvalidTransitionError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import { validate } from "../../kernel/validate.js";
import { approvalsNeeded, eligibleApprovers } from "./approvals.js";
import { approvalRuleFor, loadApprovers } from "./approvers.js";
import { conflictsFor } from "./conflict-check.js";
import { type ChangeContext, runChangeHooks } from "./context.js";
import { decideChangeAction } from "./decide.js";
import { findChange } from "./find-change.js";
import { type ChangeActionInput, changeActionSchema, type ValidChangeAction } from "./inputs.js";
import { submitTarget } from "./lifecycle.js";
import type { ChangeSnapshot } from "./model.js";
import { checkPlannedWindow, parseLocalDateTime } from "./planned-window.js";
import { assertServicesExist } from "./services-check.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";

export interface ChangeActionResult {
  change: ChangeSnapshot;
  previous: ChangeSnapshot;
  kind: string;
}

/**
 * Applies one lifecycle step to a change. Like incidents, the write is conditional on the version the
 * decision was made on; a lost race is decided again on the new state.
 */
export async function applyChangeAction(
  ctx: ChangeContext,
  actor: Actor,
  number: number,
  command: ChangeActionInput,
): Promise<ChangeActionResult> {
  const valid = validate(changeActionSchema, command);
  return writeOnVersion(ctx, `CHG-${number}`, (tx) => attemptOnce(ctx, tx, actor, number, valid));
}

/**
 * One step inside a transaction someone else holds (another practice asking through the ticket directory,
 * src/kernel/tickets/directory.ts `perform`): the same rules, hooks and posts as a step a person takes.
 */
export async function applyChangeActionIn(
  ctx: ChangeContext,
  tx: Tx,
  actor: Actor,
  number: number,
  command: ChangeActionInput,
): Promise<ChangeActionResult> {
  const result = await attemptOnce(ctx, tx, actor, number, validate(changeActionSchema, command));
  // Within one transaction nothing else moves the version between the read and the write.
  if (!result) throw new Error(`CHG-${number} changed under its own transaction`);
  return result;
}

async function attemptOnce(
  ctx: ChangeContext,
  tx: Tx,
  actor: Actor,
  number: number,
  command: ValidChangeAction,
): Promise<ChangeActionResult | null> {
  const previous = await findChange(tx, number);
  const now = ctx.clock.now();
  const reschedule =
    command.type === "reschedule" ? await newPlan(ctx, tx, actor, previous, command, now) : undefined;
  const conflicts = await conflictsFor(ctx, tx, {
    id: previous.id,
    plannedStart: reschedule?.start ?? previous.plannedStart,
    plannedEnd: reschedule?.end ?? previous.plannedEnd,
    serviceIds: reschedule?.serviceIds ?? previous.services.map((service) => service.id),
  });
  const entersAuthorize =
    command.type === "request_approval" ||
    (command.type === "submit" && submitTarget(previous.type) === "authorize");
  const approval = entersAuthorize ? await approvalFor(ctx, tx, previous) : undefined;
  const plan = decideChangeAction({
    change: previous,
    actor,
    command,
    now,
    conflicts,
    timezone: ctx.timezone,
    ...(approval ? { approval } : {}),
    ...(reschedule ? { reschedule } : {}),
  });

  const { count } = await tx.change.updateMany({
    where: { id: previous.id, version: previous.version },
    data: { ...plan.update, updatedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return null;
  if (plan.services) {
    await tx.changeService.deleteMany({ where: { changeId: previous.id } });
    await tx.changeService.createMany({
      data: plan.services.map((serviceId) => ({ changeId: previous.id, serviceId })),
    });
  }
  // The votes were for the old plan; the timeline keeps who voted what.
  if (plan.clearVotes) await tx.changeVote.deleteMany({ where: { changeId: previous.id } });

  await appendTimeline(tx, {
    ticketKind: "change",
    ticketId: previous.id,
    at: now,
    actorId: actor.person.id,
    kind: plan.event.kind,
    before: plan.event.before,
    after: plan.event.after,
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  const change = toChangeSnapshot(
    await tx.change.findUniqueOrThrow({ where: { id: previous.id }, include: changeInclude }),
  );
  await runChangeHooks(ctx, tx, {
    kind: plan.event.kind,
    change,
    previous,
    actor,
    conflicts,
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  return { change, previous, kind: plan.event.kind };
}

/** The new window and services of a reschedule, read in the person's time zone; unchanged parts kept. */
async function newPlan(
  ctx: ChangeContext,
  tx: Tx,
  actor: Actor,
  change: ChangeSnapshot,
  command: Extract<ValidChangeAction, { type: "reschedule" }>,
  now: Date,
): Promise<{ start: Date; end: Date; serviceIds: string[] }> {
  if (!command.start && !command.end && !command.serviceIds) {
    throw new ValidationError("Say what changes: a new start, end or services.");
  }
  const timezone = await timezoneOf(tx, actor.person.id, ctx.timezone);
  const start = command.start
    ? parseLocalDateTime(command.start, timezone, "The planned start")
    : change.plannedStart;
  const length = change.plannedEnd.getTime() - change.plannedStart.getTime();
  const end = command.end
    ? parseLocalDateTime(command.end, timezone, "The planned end")
    : new Date(start.getTime() + length);
  checkPlannedWindow({ start, end }, now, timezone);
  const serviceIds = [...new Set(command.serviceIds ?? change.services.map((service) => service.id))];
  await assertServicesExist(tx, serviceIds);
  return { start, end, serviceIds };
}

/** The approving group and the approvals it needs, frozen when the change enters authorize. */
async function approvalFor(
  ctx: ChangeContext,
  tx: Tx,
  change: ChangeSnapshot,
): Promise<{ groupId: string | null; needed: number }> {
  const rule = approvalRuleFor(ctx.settings, change.type);
  const approvers = await loadApprovers(tx, rule.approvers ?? null);
  const eligible = eligibleApprovers(change, approvers.members);
  if (eligible.length === 0) {
    throw new InvalidTransitionError(
      `Nobody can approve ${change.ref}: ${approvers.name} has no members other than its requester and implementer. ` +
        "Ask an admin to add approvers in opsdesk.yaml.",
    );
  }
  return { groupId: approvers.groupId, needed: approvalsNeeded(rule.quorum, eligible.length) };
}
