import type { Tx } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { Card } from "../../kernel/views/card.js";
import { type PostText, postText } from "../../kernel/views/post-text.js";
import { enqueueDirectMessageToPerson } from "../../outbox/direct-message.js";
import type { DirectMessageBody } from "../../outbox/message-payload.js";
import type { AssetContext } from "./context.js";
import { formatDay } from "./fields.js";
import type { AssetRow } from "./find-asset.js";
import { HANDOVER_PREFIX } from "./model.js";
import { assetActionId } from "./views/actions.js";

/** The direct message offering an asset: what it is, who hands it over, Accept / Decline. */
export async function offerHandover(
  ctx: AssetContext,
  tx: Tx,
  offer: { handoverId: number; asset: AssetRow; toPersonId: string; by: Actor; at: Date },
): Promise<void> {
  const { asset } = offer;
  const ref = `${HANDOVER_PREFIX}-${offer.handoverId}`;
  const card: Card = {
    type: "card",
    title: `${ref} · ${asset.model} (${asset.serial})`,
    fields: [
      { label: "Kind", value: asset.kind, inline: true },
      { label: "From", value: offer.by.person.displayName, inline: true },
      ...(asset.warrantyEnd
        ? [{ label: "Warranty until", value: formatDay(asset.warrantyEnd), inline: true }]
        : []),
    ],
    actions: [
      { id: assetActionId("accept"), label: "Accept", style: "primary", value: String(offer.handoverId) },
      { id: assetActionId("decline"), label: "Decline", style: "danger", value: String(offer.handoverId) },
    ],
    links: [],
  };
  const text = postText`${offer.by.person.displayName} hands you ${asset.model} (serial ${asset.serial}, ${ref}). Accept it when you have it, or decline it.`;
  await directMessage(
    ctx,
    tx,
    offer.toPersonId,
    text,
    `asset:handover:${offer.handoverId}:offer`,
    offer.at,
    card,
  );
}

/** Whoever offered the asset learns the answer. */
export async function tellAssigner(
  ctx: AssetContext,
  tx: Tx,
  answer: {
    handoverId: number;
    asset: AssetRow;
    byPersonId: string;
    answeredBy: Actor;
    accepted: boolean;
    at: Date;
  },
): Promise<void> {
  const verb = answer.accepted ? "accepted" : "declined";
  const text = postText`${answer.answeredBy.person.displayName} ${verb} ${answer.asset.model} (serial ${answer.asset.serial}, ${HANDOVER_PREFIX}-${answer.handoverId}).`;
  await directMessage(
    ctx,
    tx,
    answer.byPersonId,
    text,
    `asset:handover:${answer.handoverId}:${verb}`,
    answer.at,
  );
}

/** A direct message to a person on every platform OpsDesk posts to, with a card when given. */
function directMessage(
  ctx: AssetContext,
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
