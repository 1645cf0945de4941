import type { ApprovalDeadline } from "../../config/request-settings.js";
import { transactionOptions } from "../../db/client.js";
import { addBusinessTime } from "../../kernel/sla/business-time.js";
import { formatDuration } from "../../kernel/sla/format-duration.js";
import { postText } from "../../kernel/views/post-text.js";
import type { RequestContext } from "./context.js";
import { approverMessages } from "./notify.js";
import { type DirectMessage, queueRequestPosts } from "./posts.js";
import { requestCalendars } from "./sla/calendars.js";
import { findRequestById } from "./snapshot.js";

export interface DeadlineRun {
  reminded: number;
  escalated: number;
}

type Step = "remind" | "escalate";

/**
 * Approvals left waiting (requests.approvalDeadline): once `remindAfter` of business time has passed since
 * the stage was put to an approver, on the deadline's calendar read in the approver's own zone (their
 * working day, not the desk's), they get the approval again as a reminder; after `escalateAfter`, their
 * manager (requests.managers), or else the lead of the approving group, is told privately and the request's
 * thread says so. Each step happens once per approver and stage: it is claimed by a conditional update of
 * its column, so two replicas or a rerun of the slot never send it twice. Requests waiting for the
 * requester's answer are not chased. The scheduler runs this once per slot.
 */
export async function chaseApprovals(ctx: RequestContext): Promise<DeadlineRun> {
  const deadline = ctx.config.requests.approvalDeadline;
  const run: DeadlineRun = { reminded: 0, escalated: 0 };
  if (deadline === undefined) return run;
  const now = ctx.clock.now();
  const waiting = await ctx.db.requestApprover.findMany({
    where: {
      decision: null,
      escalatedAt: null,
      askedAt: { not: null },
      request: { status: "awaiting_approval" },
    },
    include: { request: { select: { stage: true } } },
  });
  const current = waiting.filter((row) => row.stage === row.request.stage);
  const zones = new Map(
    (
      await ctx.db.person.findMany({
        where: { id: { in: [...new Set(current.map((row) => row.personId))] } },
        select: { id: true, timezone: true },
      })
    ).map((person) => [person.id, person.timezone ?? undefined]),
  );
  for (const row of current) {
    const step = dueStep(deadline, ctx, row, zones.get(row.personId), now);
    if (step === undefined) continue;
    const done = await ctx.db.$transaction(async (tx) => {
      const column = step === "remind" ? "remindedAt" : "escalatedAt";
      const claimed = await tx.requestApprover.updateMany({
        where: { requestId: row.requestId, stage: row.stage, personId: row.personId, [column]: null },
        data: { [column]: now },
      });
      if (claimed.count === 0) return false;
      // A step of the request's life like any other: a new version, so its posts get keys of their own.
      await tx.serviceRequest.update({
        where: { id: row.requestId },
        data: { version: { increment: 1 }, updatedAt: now },
      });
      const request = await findRequestById(tx, row.requestId);
      const approver = request.approvers.find((a) => a.stage === row.stage && a.person.id === row.personId);
      if (!approver) return false;
      const waited = formatDuration(step === "remind" ? deadline.remindAfter.ms : deadline.escalateAfter.ms);
      const messages: DirectMessage[] = [];
      if (step === "remind") {
        const [prompt] = (await approverMessages(tx, ctx, request, row.stage)).filter(
          (message) => message.personId === row.personId,
        );
        if (prompt)
          messages.push({
            ...prompt,
            key: `remind:${row.personId}:s${row.stage}`,
            text: postText`Reminder: ${request.ref} (${request.itemName}) has waited ${waited} of working time for your approval.`,
          });
      } else {
        const escalateTo = escalationTarget(ctx, request.itemId, row.stage, row.personId);
        if (escalateTo !== undefined && escalateTo !== row.personId)
          messages.push({
            personId: escalateTo,
            key: `escalate:${row.personId}:s${row.stage}`,
            text: postText`${approver.person.displayName} has not decided on ${request.ref} (${request.itemName}, requested by ${request.requester.displayName}) after ${waited} of working time. Please follow up, or approve it in their place through delegation.`,
          });
      }
      await queueRequestPosts(tx, ctx, request, false, {
        ...(step === "escalate"
          ? { line: postText`Escalated: ${approver.person.displayName} has not decided after ${waited}.` }
          : {}),
        directMessages: messages,
      });
      return true;
    }, transactionOptions);
    if (done) run[step === "remind" ? "reminded" : "escalated"]++;
  }
  if (run.reminded + run.escalated > 0) ctx.onCommitted?.();
  return run;
}

function dueStep(
  deadline: ApprovalDeadline,
  ctx: RequestContext,
  row: { askedAt: Date | null; remindedAt: Date | null },
  timezone: string | undefined,
  now: Date,
): Step | undefined {
  if (row.askedAt === null) return undefined;
  const calendar = requestCalendars(ctx.config)(deadline.calendar, timezone);
  if (addBusinessTime(calendar, row.askedAt, deadline.escalateAfter.ms) <= now) return "escalate";
  if (row.remindedAt === null && addBusinessTime(calendar, row.askedAt, deadline.remindAfter.ms) <= now)
    return "remind";
  return undefined;
}

/** Who hears of an approval left waiting: the approver's manager, else the approving group's lead. */
function escalationTarget(
  ctx: RequestContext,
  itemId: string,
  stage: number,
  personId: string,
): string | undefined {
  const manager = ctx.config.requests.managers[personId];
  if (manager !== undefined) return manager;
  const approval = ctx.config.requests.items.find((item) => item.id === itemId)?.approval[stage];
  if (approval?.kind !== "group") return undefined;
  return ctx.config.groups.find((group) => group.id === approval.group)?.lead;
}
