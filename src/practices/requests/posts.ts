import type { Db, Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import { currentClocks, type SlaClockFigures } from "../../kernel/sla/clock/index.js";
import { slaLine } from "../../kernel/sla/clock/text.js";
import type { Card } from "../../kernel/views/card.js";
import type { PostText } from "../../kernel/views/post-text.js";
import type { CardBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { DirectMessageBody } from "../../outbox/message-payload.js";
import { requestChannel, taskChannel } from "./channels.js";
import type { RequestContext } from "./context.js";
import { cardActionsFor } from "./lifecycle.js";
import type { RequestSnapshot } from "./model.js";
import { syncRequestClocks } from "./sla/clocks.js";
import { requestClockFigures, requestClockLabels } from "./sla/read-clocks.js";
import { peopleByIds } from "./snapshot.js";
import { requestButton } from "./views/actions.js";
import { requestCard, taskCard } from "./views/card.js";

export interface DirectMessage {
  readonly personId: string;
  readonly text: PostText;
  readonly card?: Card;
  /** What makes it unique for this request, e.g. `approve:ada:s0`. */
  readonly key: string;
}

/** What one change of a request shows in chat, besides its card (always updated). */
export interface RequestPosts {
  /** A line in the card's thread. */
  readonly line?: PostText;
  /** Tasks whose card changed; `first` when it is shown for the first time. */
  readonly tasks?: readonly { readonly position: number; readonly first: boolean }[];
  readonly directMessages?: readonly DirectMessage[];
}

/** Person-field values and task assignees by name, for cards. */
export async function namesFor(
  tx: Db | Tx,
  ctx: RequestContext,
  request: RequestSnapshot,
): Promise<Map<string, string>> {
  const item = ctx.config.requests.items.find((candidate) => candidate.id === request.itemId);
  const ids = (item?.fields ?? []).flatMap((field) => {
    const value = request.values[field.id];
    return field.type === "person" && value ? [value] : [];
  });
  const people = await peopleByIds(tx, ids);
  return new Map([...people.values()].map((person) => [person.id, person.displayName]));
}

export function cardOf(
  ctx: RequestContext,
  request: RequestSnapshot,
  names: ReadonlyMap<string, string>,
  clocks: readonly SlaClockFigures[] = [],
): Card {
  const item = ctx.config.requests.items.find((candidate) => candidate.id === request.itemId);
  return requestCard(request, {
    item,
    names,
    actions: cardActionsFor(request).map((action) => requestButton(action, request.ref)),
    ...(clocks.length === 0 ? {} : { sla: slaLine(currentClocks(clocks), requestClockLabels) }),
  });
}

/**
 * A request's public life in chat, queued in the transaction that changed it: its card (posted once,
 * then updated in place), a thread line, its tasks' cards in their groups' channels, and direct messages.
 * Keys carry the request's (or task's) version, so a replay queues nothing twice.
 */
export async function queueRequestPosts(
  tx: Tx,
  ctx: RequestContext,
  request: RequestSnapshot,
  created: boolean,
  posts: RequestPosts,
): Promise<void> {
  // The clocks follow the change first, so the card drawn for it shows them as they now are.
  await syncRequestClocks(tx, ctx, request, created);
  const names = await namesFor(tx, ctx, request);
  const clocks = await requestClockFigures(tx, ctx.config, request.id, request.updatedAt.getTime());
  const card = cardOf(ctx, request, names, clocks);
  const at = request.updatedAt;
  for (const platform of ctx.platforms) {
    const key = `request:${request.id}:v${request.version}:${platform}`;
    const channelId = requestChannel(ctx.config, platform);
    if (channelId) {
      const base = {
        platform,
        channelId,
        orderingKey: cardOrderingKey("request", request.id, platform),
        ref: { ticketKind: "request", ticketId: request.id, purpose: "card" },
        at,
      };
      const cardBody: CardBody = { card };
      await enqueueOutbox(tx, {
        ...base,
        idempotencyKey: `${key}:card`,
        kind: created ? "post_card" : "update_card",
        body: cardBody,
      });
      if (posts.line) {
        const lineBody: ThreadLineBody = { text: posts.line };
        await enqueueOutbox(tx, {
          ...base,
          idempotencyKey: `${key}:line`,
          kind: "thread_reply",
          body: lineBody,
        });
      }
    }
    for (const { position, first } of posts.tasks ?? []) {
      const task = request.tasks.find((candidate) => candidate.position === position);
      if (!task) continue;
      const channel = taskChannel(ctx.config, platform, task.groupId);
      if (!channel) continue;
      const groupName = ctx.config.groups.find((group) => group.id === task.groupId)?.name ?? task.groupId;
      const body: CardBody = { card: taskCard(request, task, groupName) };
      await enqueueOutbox(tx, {
        platform,
        channelId: channel,
        orderingKey: cardOrderingKey("request-task", task.id, platform),
        ref: { ticketKind: "request", ticketId: request.id, purpose: `task:${task.position}` },
        at,
        idempotencyKey: `request-task:${task.id}:v${task.version}:r${request.version}:${platform}`,
        kind: first ? "post_card" : "update_card",
        body,
      });
    }
    const messages = posts.directMessages ?? [];
    // One read for every recipient's chat account on this platform, however many approvers there are.
    const identities =
      messages.length === 0
        ? []
        : await tx.identity.findMany({
            where: { platform, personId: { in: messages.map((m) => m.personId) } },
          });
    for (const message of messages) {
      const identity = identities.find((candidate) => candidate.personId === message.personId);
      if (identity)
        await queueDirectMessage(tx, platform, identity.externalId, message, `${key}:dm:${message.key}`, at);
    }
  }
}

async function queueDirectMessage(
  tx: Tx,
  platform: Platform,
  userId: string,
  message: DirectMessage,
  idempotencyKey: string,
  at: Date,
): Promise<void> {
  const body: DirectMessageBody = { text: message.text, ...(message.card ? { card: message.card } : {}) };
  await enqueueOutbox(tx, {
    platform,
    channelId: userId,
    orderingKey: `dm:${platform}:${userId}`,
    kind: "direct_message",
    idempotencyKey,
    body,
    at,
  });
}
