import type { Tx } from "../../db/client.js";
import { loadApprovers } from "../../kernel/approvals/approvers.js";
import { formatLocal } from "../../kernel/dates/local-date-time.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import { type PostText, postText } from "../../kernel/views/post-text.js";
import type { CardBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { TextMessageBody } from "../../outbox/message-payload.js";
import { releaseChannel } from "./channel.js";
import type { ReleaseContext } from "./context.js";
import { releaseFlags } from "./flags.js";
import { includedChanges } from "./included.js";
import { RELEASE_PREFIX, type ReleaseSnapshot } from "./model.js";
import { releaseCard } from "./views/card.js";

/** Everything the card shows besides the release itself, read inside the caller's transaction. */
export async function releaseView(
  ctx: ReleaseContext,
  db: Tx | ReleaseContext["db"],
  release: ReleaseSnapshot,
) {
  const changes = await includedChanges(db, ctx.tickets, release.number);
  const flags = await releaseFlags(db, release, changes, ctx.config.changes.blackouts, ctx.config.timezone);
  const linked = await linkSection(db, ctx.tickets, { kind: RELEASE_PREFIX, key: String(release.number) });
  const approvers =
    release.status === "go_no_go" || release.decision
      ? (
          await loadApprovers(db, release.approvalGroupId, {
            role: "cab",
            name: "the CAB",
          })
        ).name
      : undefined;
  return { changes, flags, linked, ...(approvers ? { approvers } : {}) };
}

/**
 * A release's public life in chat, queued in the transaction that changed it: its card in the release's
 * channel (posted once, then updated in place; keys carry the version so a replay queues nothing twice),
 * and the release notes when it is deployed.
 */
export async function queueReleasePosts(
  ctx: ReleaseContext,
  tx: Tx,
  release: ReleaseSnapshot,
  kind: string,
): Promise<void> {
  const view = await releaseView(ctx, tx, release);
  const card = releaseCard(release, { timezone: ctx.config.timezone, ...view });
  for (const platform of ctx.platforms) {
    const channelId = releaseChannel(ctx.config, platform, release);
    if (!channelId) continue;
    const key = `release:${release.id}:v${release.version}:${platform}`;
    const base = {
      platform,
      channelId,
      orderingKey: cardOrderingKey("release", release.id, platform),
      at: release.updatedAt,
    };
    const body: CardBody = { card };
    await enqueueOutbox(tx, {
      ...base,
      ref: { ticketKind: "release", ticketId: release.id, purpose: "card" },
      idempotencyKey: `${key}:card`,
      kind: kind === "created" ? "post_card" : "update_card",
      body,
    });
    if (kind === "deployed") {
      const notes: TextMessageBody = {
        text: releaseNotes(release, view.changes, ctx.config.timezone),
        mentions: [],
      };
      await enqueueOutbox(tx, { ...base, idempotencyKey: `${key}:notes`, kind: "post_message", body: notes });
    }
  }
}

/** Release notes, generated from the included changes (ITIL 4: communicate what a release brings). */
export function releaseNotes(
  release: ReleaseSnapshot,
  changes: readonly ItemSummary[],
  timezone: string,
): PostText {
  const when = release.deployedAt ? formatLocal(release.deployedAt, timezone) : "";
  const lines: PostText = changes.flatMap((change) => postText`\n• ${change.label} · ${change.title}`);
  const none: PostText = changes.length === 0 ? postText`\n(no changes)` : [];
  return postText`Release notes · ${release.ref} · ${release.name} ${release.label}, deployed ${when} (${timezone})${lines}${none}`;
}
