import type { CatalogItem } from "../../config/request-settings.js";
import { transactionOptions } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { postText } from "../../kernel/views/post-text.js";
import { approversForStage, type StageApprovers } from "./approvers.js";
import type { RequestContext } from "./context.js";
import { fillInstructions, openFulfilment } from "./fulfilment.js";
import { REQUEST_PREFIX, type RequestSnapshot } from "./model.js";
import { approverMessages } from "./notify.js";
import { queueRequestPosts } from "./posts.js";
import { findRequestById, peopleByIds } from "./snapshot.js";

/**
 * Records a request for a catalog item with values already checked: the next REQ number, its first
 * approval stage (each approver gets a direct message) or, without approval, its fulfilment tasks; the
 * card in the request channel; all in one transaction, so a refusal writes nothing.
 */
export async function createRequest(
  ctx: RequestContext,
  actor: Actor,
  item: CatalogItem,
  values: Readonly<Record<string, string>>,
): Promise<RequestSnapshot> {
  const now = ctx.clock.now();
  // Every stage must be decidable before anything is written; later stages are asked again when reached.
  const stages: StageApprovers[] = [];
  for (let i = 0; i < item.approval.length; i++)
    stages.push(await approversForStage(ctx.db, ctx.config.requests, item, actor.person.id, i, now));
  const first = stages[0];
  const people = await peopleByIds(ctx.db, Object.values(values));
  const shown = (fieldId: string, value: string) =>
    item.fields.find((f) => f.id === fieldId)?.type === "person"
      ? (people.get(value)?.displayName ?? value)
      : value;

  const created = await ctx.db.$transaction(async (tx) => {
    const number = await nextTicketNumber(tx, REQUEST_PREFIX);
    const row = await tx.serviceRequest.create({
      data: {
        number,
        itemId: item.id,
        itemName: item.name,
        values: JSON.stringify(values),
        status: first ? "awaiting_approval" : "in_fulfilment",
        requesterId: actor.person.id,
        stage: 0,
        needed: first?.needed ?? 0,
        createdAt: now,
        updatedAt: now,
        approvers: {
          create: (first?.approvers ?? []).map((a) => ({ stage: 0, askedAt: now, ...a })),
        },
        tasks: {
          create: item.tasks.map((task, index) => ({
            position: index + 1,
            title: task.title,
            groupId: task.group,
            instructions: fillInstructions(task.instructions, values, actor.person.displayName, shown),
            status: "waiting",
            updatedAt: now,
          })),
        },
      },
    });
    await appendTimeline(tx, {
      ticketKind: "request",
      ticketId: row.id,
      at: now,
      actorId: actor.person.id,
      kind: "created",
      after: { item: item.id, values, status: row.status },
    });
    const opened = first ? undefined : await openFulfilment(tx, item, row.id, now);
    const request = await findRequestById(tx, row.id);
    await queueRequestPosts(tx, ctx, request, true, {
      line: postText`Requested by ${actor.person.displayName}.`,
      tasks: (opened?.opened ?? []).map((position) => ({ position, first: true })),
      directMessages: first ? await approverMessages(tx, ctx, request, 0) : [],
    });
    return request;
  }, transactionOptions);
  ctx.onCommitted?.();
  return created;
}
