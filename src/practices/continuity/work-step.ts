import type { Tx } from "../../db/client.js";
import {
  AlreadyDoneError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import { postText } from "../../kernel/views/post-text.js";
import type { ContinuityContext } from "./context.js";
import { elapsedMinutes, recoveryText } from "./countdown.js";
import { RUN_PREFIX, type RunSnapshot, type StepMove, stepTarget } from "./model.js";
import { queueRunPosts } from "./posts.js";
import { findRun } from "./snapshot.js";

const moveWords: Record<StepMove, string> = { start: "started", done: "finished", blocked: "is blocked on" };

/**
 * Start / Done / Blocked on one step. An ordered plan refuses a step while an earlier one is not done (the
 * plan's authors put them in that order for a reason: restore the database before the application).
 * Agents and members of the step's owner group may work it.
 */
export function workStep(
  ctx: ContinuityContext,
  actor: Actor,
  number: number,
  position: number,
  move: StepMove,
  note?: string,
): Promise<{ run: RunSnapshot; title: string }> {
  return writeOnVersion(ctx, `${RUN_PREFIX}-${number}`, async (tx) => {
    const run = await findRun(tx, number);
    assertActive(run);
    const step = run.steps.find((s) => s.position === position);
    if (!step) {
      throw new NotFoundError(`${run.ref} has no step ${position}; its steps are 1 to ${run.steps.length}.`);
    }
    await assertMayWorkStep(tx, actor, step.ownerGroupId, run.ref);
    const target = stepTarget[move];
    if (step.status === target)
      throw new AlreadyDoneError(`Step ${position} of ${run.ref} is already ${target}.`);
    if (step.status === "done")
      throw new InvalidTransitionError(`Step ${position} of ${run.ref} is already done.`);
    const earlier = run.steps.find((s) => s.position < position && s.status !== "done");
    if (run.ordered && earlier) {
      throw new InvalidTransitionError(
        `Step ${position} (${step.title}) cannot be ${target === "done" ? "done" : target} before step ${earlier.position} (${earlier.title}) is done: this plan's steps run in order.`,
      );
    }
    const now = ctx.clock.now();
    const { count } = await tx.continuityRun.updateMany({
      where: { id: run.id, version: run.version },
      data: { version: { increment: 1 }, updatedAt: now, drawnAt: now },
    });
    if (count === 0) return null;
    await tx.continuityStep.update({
      where: { runId_position: { runId: run.id, position } },
      data: { status: target, note: note ?? null, updatedAt: now, updatedById: actor.person.id },
    });
    await appendTimeline(tx, {
      ticketKind: "continuity",
      ticketId: run.id,
      at: now,
      actorId: actor.person.id,
      kind: `step_${target}`,
      before: { position, status: step.status },
      after: { position, status: target },
      ...(note ? { body: note } : {}),
    });
    const after = await findRun(tx, number);
    const why = note ? postText`: ${note}` : [];
    await queueRunPosts(ctx, tx, after, {
      kind: "update",
      now,
      line: postText`${actor.person.displayName} ${moveWords[move]} step ${position}: ${step.title}${why}`,
    });
    return { run: after, title: step.title };
  });
}

/** "Service restored": the measured recovery time is recorded beside the objectives. */
export function markRestored(ctx: ContinuityContext, actor: Actor, number: number): Promise<RunSnapshot> {
  return writeOnVersion(ctx, `${RUN_PREFIX}-${number}`, async (tx) => {
    const run = await findRun(tx, number);
    assertActive(run);
    if (!isAgent(actor)) throw new ForbiddenError(`Only agents can mark ${run.ref} restored.`);
    const now = ctx.clock.now();
    const recoveryMinutes = elapsedMinutes(run, now);
    const { count } = await tx.continuityRun.updateMany({
      where: { id: run.id, version: run.version },
      data: {
        status: "recovered",
        recoveredAt: now,
        recoveryMinutes,
        version: { increment: 1 },
        updatedAt: now,
        drawnAt: now,
      },
    });
    if (count === 0) return null;
    await appendTimeline(tx, {
      ticketKind: "continuity",
      ticketId: run.id,
      at: now,
      actorId: actor.person.id,
      kind: "restored",
      after: { recoveryMinutes, rtoMinutes: run.rtoMinutes, mtdMinutes: run.mtdMinutes },
    });
    const after = await findRun(tx, number);
    await queueRunPosts(ctx, tx, after, {
      kind: "update",
      now,
      line: postText`${actor.person.displayName} marked the service restored. ${recoveryText(after)}.`,
    });
    return after;
  });
}

function assertActive(run: RunSnapshot): void {
  if (run.status === "active") return;
  throw new AlreadyDoneError(`${run.ref} is over: the service was restored. ${recoveryText(run)}.`);
}

async function assertMayWorkStep(tx: Tx, actor: Actor, groupId: string, ref: string): Promise<void> {
  if (isAgent(actor)) return;
  const member = await tx.groupMember.findFirst({ where: { groupId, personId: actor.person.id } });
  if (member) return;
  throw new ForbiddenError(`Only agents and the step's owner group can work the steps of ${ref}.`);
}
