import {
  AlreadyDoneError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { type PostText, postText } from "../../kernel/views/post-text.js";
import type { RequestContext } from "./context.js";
import type { RequestSnapshot, TaskSnapshot } from "./model.js";
import { toRequester } from "./notify.js";
import { type DirectMessage, queueRequestPosts } from "./posts.js";
import { changeRequest, reread } from "./write.js";

export type TaskStep =
  | { type: "take" }
  | { type: "done"; note?: string }
  | { type: "blocked"; reason: string };

/**
 * Take, Done and Blocked on a fulfilment task. Only members of the task's group act on it, and once
 * someone took it, only they finish or block it. Done opens the next ordered task; the last one done
 * fulfils the request. The requester hears when work starts and when it is fulfilled.
 */
export function actOnTask(
  ctx: RequestContext,
  actor: Actor,
  ref: { number: number; position: number },
  step: TaskStep,
): Promise<{ request: RequestSnapshot; task: TaskSnapshot }> {
  return changeRequest(ctx, ref.number, async (tx, seen, claim) => {
    const task = seen.tasks.find((candidate) => candidate.position === ref.position);
    if (!task)
      throw new NotFoundError(`${seen.ref} has no task ${ref.position}; it has ${seen.tasks.length}.`);
    if (seen.status !== "in_fulfilment")
      throw new InvalidTransitionError(`${seen.ref} is not in fulfilment, so its tasks cannot be worked on.`);
    const member = await tx.groupMember.findFirst({
      where: { groupId: task.groupId, personId: actor.person.id },
    });
    const groupName = ctx.config.groups.find((group) => group.id === task.groupId)?.name ?? task.groupId;
    if (!member)
      throw new ForbiddenError(`${task.ref} belongs to ${groupName}; only its members work on it.`);
    if (task.status === "waiting")
      throw new InvalidTransitionError(
        `${task.ref} waits for the task before it; it opens when that one is done.`,
      );
    if (task.status === "done") throw new AlreadyDoneError(`${task.ref} is already done.`);
    if (task.assignee && task.assignee.id !== actor.person.id && task.status === "taken")
      throw new ForbiddenError(
        `${task.ref} is ${task.assignee.displayName}'s task; ask them, or the group, before acting on it.`,
      );
    if (step.type === "take" && task.status === "taken")
      throw new AlreadyDoneError(`You already took ${task.ref}.`);

    const now = ctx.clock.now();
    await claim();
    const status = step.type === "take" ? "taken" : step.type;
    const note =
      step.type === "done" ? (step.note ?? null) : step.type === "blocked" ? step.reason : task.note;
    await tx.requestTask.update({
      where: { id: task.id },
      data: { status, assigneeId: actor.person.id, note, updatedAt: now, version: { increment: 1 } },
    });
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: `task_${status}`,
      after: { task: task.position },
      ...(note ? { body: note } : {}),
    });
    const who = actor.person.displayName;
    const tasks = [{ position: task.position, first: false }];
    const messages: DirectMessage[] = [];
    let line: PostText;
    if (step.type === "take") {
      line = postText`${who} took task ${task.position} (${task.title}).`;
      if (!seen.tasks.some((t) => t.status === "taken" || t.status === "done"))
        messages.push(
          toRequester(
            seen,
            "in_progress",
            postText`Work on your request ${seen.ref} (${seen.itemName}) has started: ${who} took "${task.title}".`,
          ),
        );
    } else if (step.type === "blocked") {
      line = postText`Task ${task.position} (${task.title}) is blocked: ${step.reason}`;
    } else {
      line = step.note
        ? postText`${who} finished task ${task.position} (${task.title}): ${step.note}`
        : postText`${who} finished task ${task.position} (${task.title}).`;
      const rest = seen.tasks.filter((t) => t.position !== task.position && t.status !== "done");
      const next = rest.find((t) => t.status === "waiting");
      if (rest.length === 0) {
        await tx.serviceRequest.update({
          where: { id: seen.id },
          data: { status: "fulfilled", fulfilledAt: now },
        });
        messages.push(
          toRequester(
            seen,
            `fulfilled:${now.getTime()}`,
            postText`Your request ${seen.ref} (${seen.itemName}) is fulfilled. Not right? Reopen it with /request reopen ${seen.ref}.`,
          ),
        );
        // Every task card loses its buttons' context: the request is done.
      } else if (
        next &&
        !rest.some((t) => t.status === "open" || t.status === "taken" || t.status === "blocked")
      ) {
        await tx.requestTask.update({
          where: { id: next.id },
          data: { status: "open", updatedAt: now, version: { increment: 1 } },
        });
        tasks.push({ position: next.position, first: next.version === 0 });
      }
    }
    const request = await reread(tx, seen);
    await queueRequestPosts(tx, ctx, request, false, { line, tasks, directMessages: messages });
    const updated = request.tasks.find((t) => t.position === task.position) ?? task;
    return { request, task: updated };
  });
}
