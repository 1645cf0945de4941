import { type Outcome, outcomeOf, tallyOf } from "../../kernel/approvals/rules.js";
import { AlreadyDoneError, ForbiddenError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { postText } from "../../kernel/views/post-text.js";
import { approversForStage } from "./approvers.js";
import type { RequestContext } from "./context.js";
import { openFulfilment } from "./fulfilment.js";
import { isCancellable } from "./lifecycle.js";
import type { RequestSnapshot } from "./model.js";
import { approverMessages, toRequester } from "./notify.js";
import { type DirectMessage, queueRequestPosts } from "./posts.js";
import { requestStatusLabels } from "./views/labels.js";
import { changeRequest, reread } from "./write.js";

const deciding = (request: RequestSnapshot) =>
  request.status === "awaiting_approval" || request.status === "awaiting_info";

/** A vote that arrives after the decision is refused politely, saying what was decided. */
function refuseLate(request: RequestSnapshot): never {
  throw new AlreadyDoneError(
    `${request.ref} no longer waits for approval (it is ${requestStatusLabels[request.status].toLowerCase()}), so your vote was not counted. Nothing else is needed from you.`,
  );
}

function currentApprover(request: RequestSnapshot, actor: Actor) {
  if (actor.person.id === request.requester.id)
    throw new ForbiddenError(
      `You requested ${request.ref}, so you cannot approve, reject or question it yourself.`,
    );
  const approver = request.approvers.find(
    (a) => a.stage === request.stage && a.person.id === actor.person.id,
  );
  if (!approver)
    throw new ForbiddenError(
      `You are not an approver of ${request.ref}; only the people it was sent to can decide.`,
    );
  return approver;
}

export interface VoteResult {
  request: RequestSnapshot;
  outcome: Outcome;
  /** Another stage opened after this one was approved. */
  nextStage: boolean;
}

/**
 * One approver's vote (ITIL 4 service request management: requests follow their pre-defined approval).
 * Any rejection rejects; the stage's quorum approves and opens the next stage, or fulfilment. One vote per
 * person: the (request, stage, person) row holds it, and a second one is refused.
 */
export function castVote(
  ctx: RequestContext,
  actor: Actor,
  number: number,
  decision: "approve" | "reject",
  reason: string | undefined,
): Promise<VoteResult> {
  return changeRequest(ctx, number, async (tx, seen, claim) => {
    if (!deciding(seen)) refuseLate(seen);
    const approver = currentApprover(seen, actor);
    if (approver.decision)
      throw new AlreadyDoneError(
        `You already ${approver.decision === "approve" ? "approved" : "rejected"} ${seen.ref}; one vote per person.`,
      );
    const now = ctx.clock.now();
    await claim();
    await tx.requestApprover.update({
      where: {
        requestId_stage_personId: { requestId: seen.id, stage: seen.stage, personId: actor.person.id },
      },
      data: { decision, reason: reason ?? null, at: now },
    });
    const votes = await tx.requestApprover.findMany({ where: { requestId: seen.id, stage: seen.stage } });
    const outcome = outcomeOf(tallyOf(votes, seen.needed));
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: decision === "approve" ? "approved_by" : "rejected_by",
      ...(reason ? { body: reason } : {}),
    });
    const who = actor.person.displayName;
    const item = ctx.config.requests.items.find((candidate) => candidate.id === seen.itemId);
    let line =
      decision === "approve" ? postText`${who} approved.` : postText`${who} rejected: ${reason ?? ""}`;
    const messages: DirectMessage[] = [];
    let tasks: { position: number; first: boolean }[] = [];
    let nextStage = false;
    if (outcome === "rejected") {
      await tx.serviceRequest.update({
        where: { id: seen.id },
        data: { status: "rejected", reason: reason ?? null },
      });
      await tx.requestQuestion.updateMany({
        where: { requestId: seen.id, answeredAt: null },
        data: { answeredAt: now },
      });
      messages.push(
        toRequester(
          seen,
          "rejected",
          postText`Your request ${seen.ref} (${seen.itemName}) is rejected by ${who}: ${reason ?? ""}`,
        ),
      );
    } else if (outcome === "approved") {
      await tx.requestQuestion.updateMany({
        where: { requestId: seen.id, answeredAt: null },
        data: { answeredAt: now },
      });
      const stage = seen.stage + 1;
      if (item && stage < item.approval.length) {
        const next = await approversForStage(tx, ctx.config.requests, item, seen.requester.id, stage, now);
        await tx.serviceRequest.update({
          where: { id: seen.id },
          data: { stage, needed: next.needed, status: "awaiting_approval" },
        });
        await tx.requestApprover.createMany({
          data: next.approvers.map((a) => ({ requestId: seen.id, stage, askedAt: now, ...a })),
        });
        line = postText`${who} approved; stage ${stage + 1} of ${item.approval.length} is asked.`;
        nextStage = true;
      } else {
        const opened = await openFulfilment(tx, item, seen.id, now);
        tasks = opened.opened.map((position) => ({ position, first: true }));
        messages.push(
          toRequester(
            seen,
            "approved",
            opened.fulfilled
              ? postText`Your request ${seen.ref} (${seen.itemName}) is approved and fulfilled.`
              : postText`Your request ${seen.ref} (${seen.itemName}) is approved; fulfilment has started.`,
          ),
        );
      }
    }
    const request = await reread(tx, seen);
    if (nextStage) messages.push(...(await approverMessages(tx, ctx, request, request.stage)));
    await queueRequestPosts(tx, ctx, request, false, { line, tasks, directMessages: messages });
    return { request, outcome, nextStage };
  });
}

/** "Ask for more info": the request waits; the requester gets the question with an Answer button. */
export function askRequester(
  ctx: RequestContext,
  actor: Actor,
  number: number,
  question: string,
): Promise<RequestSnapshot> {
  return changeRequest(ctx, number, async (tx, seen, claim) => {
    if (!deciding(seen)) refuseLate(seen);
    const approver = currentApprover(seen, actor);
    if (approver.decision)
      throw new AlreadyDoneError(`You already voted on ${seen.ref}; your question would change nothing.`);
    const now = ctx.clock.now();
    await claim({ status: "awaiting_info" });
    await tx.requestQuestion.create({
      data: { requestId: seen.id, askerId: actor.person.id, question, askedAt: now },
    });
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: "info_requested",
      body: question,
    });
    const request = await reread(tx, seen);
    await queueRequestPosts(tx, ctx, request, false, {
      line: postText`${actor.person.displayName} asked: ${question}`,
      directMessages: [
        {
          ...toRequester(
            request,
            `ask:${request.openQuestion?.id ?? 0}`,
            postText`${actor.person.displayName} asks about your request ${request.ref} (${request.itemName}): ${question}`,
          ),
          card: {
            type: "card",
            title: `Question · ${request.ref} · ${request.itemName}`,
            fields: [{ label: actor.person.displayName, value: question }],
            actions: [
              {
                id: "request.answer",
                label: "Answer",
                style: "primary",
                value: request.ref,
                requiresInput: "request.answer",
              },
            ],
            links: [],
          },
        },
      ],
    });
    return request;
  });
}

/** The requester's answer goes back to the approver who asked; the request waits for votes again. */
export function answerQuestion(
  ctx: RequestContext,
  actor: Actor,
  number: number,
  answer: string,
): Promise<RequestSnapshot> {
  return changeRequest(ctx, number, async (tx, seen, claim) => {
    if (actor.person.id !== seen.requester.id)
      throw new ForbiddenError(
        `Only ${seen.requester.displayName}, who requested ${seen.ref}, can answer its questions.`,
      );
    const question = seen.openQuestion;
    if (seen.status !== "awaiting_info" || !question)
      throw new InvalidTransitionError(`Nobody is waiting for an answer on ${seen.ref}.`);
    const now = ctx.clock.now();
    await claim({ status: "awaiting_approval" });
    await tx.requestQuestion.update({ where: { id: question.id }, data: { answer, answeredAt: now } });
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: "info_given",
      body: answer,
    });
    const request = await reread(tx, seen);
    await queueRequestPosts(tx, ctx, request, false, {
      line: postText`${actor.person.displayName} answered: ${answer}`,
      directMessages: [
        {
          personId: question.asker.id,
          key: `answer:${question.id}`,
          text: postText`${actor.person.displayName} answered your question on ${request.ref} (${question.question}): ${answer}`,
          card: (await approverMessages(tx, ctx, request, request.stage))[0]?.card ?? {
            type: "card",
            title: request.ref,
            fields: [],
            actions: [],
            links: [],
          },
        },
      ],
    });
    return request;
  });
}

/** The requester cancels before fulfilment starts (ITIL: a request may be withdrawn until work begins). */
export function cancelRequest(
  ctx: RequestContext,
  actor: Actor,
  number: number,
  reason: string | undefined,
): Promise<RequestSnapshot> {
  return changeRequest(ctx, number, async (tx, seen, claim) => {
    if (actor.person.id !== seen.requester.id)
      throw new ForbiddenError(
        `Only ${seen.requester.displayName}, who requested ${seen.ref}, can cancel it.`,
      );
    if (seen.status === "cancelled") throw new AlreadyDoneError(`${seen.ref} is already cancelled.`);
    if (!isCancellable(seen))
      throw new InvalidTransitionError(
        seen.status === "in_fulfilment"
          ? `${seen.ref} cannot be cancelled: its fulfilment has started. Ask the group working on it.`
          : `${seen.ref} is ${requestStatusLabels[seen.status].toLowerCase()} and cannot be cancelled.`,
      );
    const now = ctx.clock.now();
    await claim({ status: "cancelled", reason: reason ?? null });
    await tx.requestTask.updateMany({
      where: { requestId: seen.id },
      data: { version: { increment: 1 }, updatedAt: now },
    });
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: "cancelled",
      ...(reason ? { body: reason } : {}),
    });
    const request = await reread(tx, seen);
    await queueRequestPosts(tx, ctx, request, false, {
      line: reason
        ? postText`Cancelled by ${actor.person.displayName}: ${reason}`
        : postText`Cancelled by ${actor.person.displayName}.`,
      tasks: seen.tasks
        .filter((t) => t.status !== "waiting")
        .map((t) => ({ position: t.position, first: false })),
    });
    return request;
  });
}

/** The requester reopens a fulfilled request within the configured time: fulfilment starts again. */
export function reopenRequest(
  ctx: RequestContext,
  actor: Actor,
  number: number,
  reason: string,
): Promise<RequestSnapshot> {
  return changeRequest(ctx, number, async (tx, seen, claim) => {
    if (actor.person.id !== seen.requester.id)
      throw new ForbiddenError(
        `Only ${seen.requester.displayName}, who requested ${seen.ref}, can reopen it.`,
      );
    if (seen.status !== "fulfilled")
      throw new InvalidTransitionError(
        `${seen.ref} is ${requestStatusLabels[seen.status].toLowerCase()}; only a fulfilled request can be reopened.`,
      );
    const now = ctx.clock.now();
    const limit = ctx.config.requests.reopenWithinMinutes * 60_000;
    if (seen.fulfilledAt && now.getTime() - seen.fulfilledAt.getTime() > limit)
      throw new InvalidTransitionError(
        `${seen.ref} was fulfilled too long ago to reopen; request it again with /request ${seen.itemId}.`,
      );
    await claim({ reason, fulfilledAt: null });
    await tx.requestTask.updateMany({
      where: { requestId: seen.id },
      data: { status: "waiting", assigneeId: null, note: null, updatedAt: now },
    });
    const item = ctx.config.requests.items.find((candidate) => candidate.id === seen.itemId);
    await openFulfilment(tx, item, seen.id, now);
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: "reopened",
      body: reason,
    });
    const request = await reread(tx, seen);
    await queueRequestPosts(tx, ctx, request, false, {
      line: postText`Reopened by ${actor.person.displayName}: ${reason}`,
      tasks: request.tasks.map((t) => ({ position: t.position, first: false })),
    });
    return request;
  });
}
