import type { Tx } from "../../db/client.js";
import { postText } from "../../kernel/views/post-text.js";
import type { RequestContext } from "./context.js";
import type { RequestSnapshot } from "./model.js";
import { type DirectMessage, namesFor } from "./posts.js";
import { approvalCard } from "./views/card.js";

/** A direct message to each approver of `stage`: the summary and Approve / Reject / Ask for more info. */
export async function approverMessages(
  tx: Tx,
  ctx: RequestContext,
  request: RequestSnapshot,
  stage: number,
): Promise<DirectMessage[]> {
  const item = ctx.config.requests.items.find((candidate) => candidate.id === request.itemId);
  const card = approvalCard(request, { item, names: await namesFor(tx, ctx, request) });
  return request.approvers
    .filter((approver) => approver.stage === stage)
    .map((approver) => ({
      personId: approver.person.id,
      key: `approve:${approver.person.id}:s${stage}`,
      card,
      text: approver.onBehalfOf
        ? postText`${request.requester.displayName} asks for ${request.itemName} (${request.ref}). You approve it for ${approver.onBehalfOf.displayName}, who delegated to you.`
        : postText`${request.requester.displayName} asks for ${request.itemName} (${request.ref}): please approve or reject it.`,
    }));
}

/** A direct message to the requester about their request. */
export function toRequester(
  request: RequestSnapshot,
  key: string,
  text: ReturnType<typeof postText>,
): DirectMessage {
  return { personId: request.requester.id, key, text };
}
