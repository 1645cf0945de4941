import type { OpsdeskConfig } from "../../config/types.js";
import type { Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import { type PostText, postText } from "../../kernel/views/post-text.js";
import type { CardBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { DirectMessageBody } from "../../outbox/message-payload.js";
import { tallyOf } from "./approvals.js";
import { loadApprovers } from "./approvers.js";
import type { ChangeEvent } from "./context.js";
import { actionsAllowedFor } from "./lifecycle.js";
import { CHANGE_PREFIX, type ChangeSnapshot } from "./model.js";
import { changeChannel } from "./posts-channel.js";
import { approvalPrompt, changeCard } from "./views/card.js";
import { conflictLines } from "./views/conflicts.js";

export interface ChangePostsOptions {
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  /** When given, the card shows the change's links to other practices' items (incidents it caused, …). */
  tickets?: TicketDirectory;
}

const enteredAuthorize = (event: ChangeEvent) =>
  event.change.status === "authorize" && event.previous?.status !== "authorize";

/** Rescheduling a scheduled change voids its approval: the old prompt must stop saying "Approved". */
const approvalWithdrawn = (event: ChangeEvent) =>
  event.kind === "rescheduled" && event.previous?.decision === "approved" && event.change.decision === null;

/**
 * A change's public life in chat, queued inside the change's transaction: its card in the change's channel
 * (updated in place), the approval prompt when it enters authorize (updated with every vote and the
 * outcome), and a private message telling the requester the decision. Keys carry the change's version,
 * so a replay queues nothing twice.
 */
export function changePostsHook(options: ChangePostsOptions) {
  return async (tx: Tx, event: ChangeEvent): Promise<void> => {
    const { change } = event;
    const timezone = options.config.timezone;
    const names = (id: string) => options.config.services.find((service) => service.id === id)?.name ?? id;
    const conflicts = conflictLines(event.conflicts, names, timezone);
    const linked =
      options.tickets &&
      (await linkSection(tx, options.tickets, { kind: CHANGE_PREFIX, key: String(change.number) }));
    const card = changeCard(
      change,
      actionsAllowedFor(change).filter((a) => a !== "approve" && a !== "reject"),
      { timezone, conflicts, ...(linked ? { linked } : {}) },
    );
    const votingEvent =
      ["vote_recorded", "approved", "rejected"].includes(event.kind) || approvalWithdrawn(event);
    const prompt =
      enteredAuthorize(event) || votingEvent ? await promptFor(tx, event, timezone, conflicts) : undefined;
    for (const platform of options.platforms) {
      const channelId = changeChannel(options.config, platform, change);
      if (!channelId) continue;
      const key = `change:${change.id}:v${change.version}:${platform}`;
      const base = {
        platform,
        channelId,
        orderingKey: cardOrderingKey("change", change.id, platform),
        at: change.updatedAt,
      };
      const cardBody: CardBody = { card };
      if (event.kind !== "vote_recorded") {
        await enqueueOutbox(tx, {
          ...base,
          ref: { ticketKind: "change", ticketId: change.id, purpose: "card" },
          idempotencyKey: `${key}:card`,
          kind: event.kind === "created" ? "post_card" : "update_card",
          body: cardBody,
        });
      }
      if (prompt) {
        const promptBody: CardBody = { card: prompt };
        await enqueueOutbox(tx, {
          ...base,
          ref: { ticketKind: "change", ticketId: change.id, purpose: "approval" },
          idempotencyKey: `${key}:approval`,
          kind: enteredAuthorize(event) ? "post_card" : "update_card",
          body: promptBody,
        });
      }
      if (event.kind === "approved" || event.kind === "rejected") {
        await tellRequester(tx, platform, change, event, `${key}:decision`);
      }
    }
  };
}

async function promptFor(tx: Tx, event: ChangeEvent, timezone: string, conflicts: readonly string[]) {
  const { change } = event;
  const approvers = event.approvers ?? (await loadApprovers(tx, change.approvalGroupId)).name;
  return approvalPrompt(change, {
    timezone,
    conflicts,
    approvers,
    tally: tallyOf(change.votes, change.quorum ?? 1),
  });
}

async function tellRequester(
  tx: Tx,
  platform: Platform,
  change: ChangeSnapshot,
  event: ChangeEvent,
  idempotencyKey: string,
): Promise<void> {
  const identity = await tx.identity.findFirst({ where: { platform, personId: change.requester.id } });
  if (!identity) return;
  // The title, the rejecting approver's name and their reason are people's words: user text.
  const why: PostText =
    event.kind === "rejected" && event.body
      ? postText` ${event.actor.person.displayName}: "${event.body}"`
      : [];
  const override: PostText = change.blackoutOverride
    ? postText` It runs inside a blackout as an emergency change; the override is recorded.`
    : [];
  const text =
    event.kind === "approved"
      ? postText`Your change ${change.ref} (${change.title}) is approved and scheduled.${override}`
      : postText`Your change ${change.ref} (${change.title}) is rejected.${why}`;
  const body: DirectMessageBody = { text };
  await enqueueOutbox(tx, {
    platform,
    channelId: identity.externalId,
    orderingKey: `dm:${platform}:${identity.externalId}`,
    kind: "direct_message",
    idempotencyKey,
    body,
    at: change.updatedAt,
  });
}
