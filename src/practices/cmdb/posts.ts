import type { Tx } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { Card } from "../../kernel/views/card.js";
import { type PostText, postText } from "../../kernel/views/post-text.js";
import { enqueueDirectMessageToPerson } from "../../outbox/direct-message.js";
import type { DirectMessageBody } from "../../outbox/message-payload.js";
import type { CmdbContext } from "./context.js";
import { type CiSnapshot, type RelationshipType, typeLabel } from "./model.js";
import { relationshipText } from "./relationships.js";
import { cmdbActionId } from "./views/actions.js";

/**
 * Asks the owner group of a relationship's `from` CI to confirm it: a direct message with Confirm / Reject
 * to each member, on every platform they use, queued in the transaction that recorded the request.
 */
export async function queueConfirmationRequests(
  ctx: CmdbContext,
  tx: Tx,
  request: { id: number; from: CiSnapshot; to: CiSnapshot; type: RelationshipType; actor: Actor; at: Date },
): Promise<void> {
  const { from, to } = request;
  if (!from.ownerGroupId) return;
  const members = await tx.groupMember.findMany({
    where: { groupId: from.ownerGroupId },
    select: { personId: true },
  });
  const what = relationshipText(from.key, request.type, to.key);
  const card: Card = {
    type: "card",
    title: `CIR-${request.id} · ${what}`,
    fields: [
      { label: "Asked by", value: request.actor.person.displayName, inline: true },
      { label: "Owner group", value: from.ownerGroupId, inline: true },
      { label: to.key, value: `${to.name} (${typeLabel(to.type)})` },
    ],
    actions: [
      { id: cmdbActionId("confirm"), label: "Confirm", style: "primary", value: String(request.id) },
      { id: cmdbActionId("reject"), label: "Reject", style: "danger", value: String(request.id) },
    ],
    links: [],
  };
  const text = postText`${request.actor.person.displayName} asks to record that ${what} (CIR-${request.id}). Your group owns ${from.key}: confirm or reject it.`;
  for (const { personId } of members)
    await directMessage(ctx, tx, personId, text, `cmdb:rel:${request.id}:ask:${personId}`, request.at, card);
}

/** The requester learns what the owner group decided. */
export async function tellRequester(
  ctx: CmdbContext,
  tx: Tx,
  answer: {
    id: number;
    requestedById: string | null;
    text: string;
    decision: "confirm" | "reject";
    actor: Actor;
    at: Date;
  },
): Promise<void> {
  if (!answer.requestedById) return;
  const verb = answer.decision === "confirm" ? "confirmed" : "rejected";
  const text = postText`${answer.actor.person.displayName} ${verb} CIR-${answer.id}: ${answer.text}.`;
  await directMessage(ctx, tx, answer.requestedById, text, `cmdb:rel:${answer.id}:${verb}`, answer.at);
}

/** A direct message to a person on every platform OpsDesk posts to, with a card when given. */
function directMessage(
  ctx: CmdbContext,
  tx: Tx,
  personId: string,
  text: PostText,
  key: string,
  at: Date,
  card?: Card,
): Promise<void> {
  const body: DirectMessageBody = card ? { text, card } : { text };
  return enqueueDirectMessageToPerson(tx, { personId, platforms: ctx.platforms, body, key, at });
}
