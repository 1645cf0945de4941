import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import type { LinkChange, TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { itemLine } from "../../kernel/tickets/link-fields.js";
import { relationLabels } from "../../kernel/tickets/links.js";
import { matchTickets, suggestionWindow } from "../../kernel/tickets/suggest.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import type { ReleaseContext } from "./context.js";
import { activeReleaseStatuses, RELEASE_PREFIX, type ReleaseStatus, releaseRef } from "./model.js";
import { queueReleasePosts } from "./posts.js";
import { findRelease } from "./snapshot.js";
import { causedByActionId } from "./views/actions.js";
import { releaseStatusLabels } from "./views/labels.js";

/**
 * Releases as other practices see them through the ticket directory. An incident linked to a release
 * without another relation named is `caused_by` it, as for a change (what the change failure rate counts).
 * An incident that was told of a recent deployment (a `suggested` link recorded when it was raised, see
 * advise.ts) shows "Caused by REL-3" to turn the suggestion into the record.
 */
export function releaseOwner(ctx: ReleaseContext): TicketOwner {
  return {
    prefix: RELEASE_PREFIX,
    suggest: (typed) => suggestReleases(ctx.db, typed),
    find: (db, key) => findSummary(ctx, db, key),
    linkedAs: "caused_by",
    linked: (tx, key, change) => recordLink(ctx, tx, Number(key), change),
    linkActions(link, on) {
      if (link.relation !== "suggested" || link.direction !== "out") return [];
      const release = releaseRef(Number(link.other.key));
      return [
        {
          id: causedByActionId,
          label: `Caused by ${release}`,
          style: "danger",
          value: `${on.kind}-${on.key} ${release}`,
        },
      ];
    },
  };
}

async function findSummary(ctx: ReleaseContext, db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.release.findUnique({
    where: { number },
    select: {
      number: true,
      name: true,
      label: true,
      status: true,
      windowStart: true,
      windowEnd: true,
      deployedAt: true,
      services: { select: { serviceId: true }, orderBy: { serviceId: "asc" }, take: 1 },
    },
  });
  if (!row) return undefined;
  const status = row.status as ReleaseStatus;
  return {
    ref: { kind: RELEASE_PREFIX, key: String(row.number) },
    label: releaseRef(row.number),
    title: `${row.name} ${row.label}`,
    status: releaseStatusLabels[status],
    open: activeReleaseStatuses.includes(status) || status === "deployed",
    serviceId: row.services[0]?.serviceId ?? null,
    state: status,
    window: { start: row.windowStart, end: row.windowEnd },
    ...(row.deployedAt ? { detail: deployedAgo(row.deployedAt, ctx.clock.now()) } : {}),
  };
}

/** "Deployed 40 min ago", "Deployed 3 h ago": how recent a deployment is, for an incident's card. */
export function deployedAgo(deployedAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - deployedAt.getTime()) / 60_000));
  if (minutes < 120) return `Deployed ${minutes} min ago`;
  if (minutes < 48 * 60) return `Deployed ${Math.floor(minutes / 60)} h ago`;
  return `Deployed ${Math.floor(minutes / 1440)} days ago`;
}

/** A link is a release event like any other: a new version, a timeline entry, the card updated in place. */
async function recordLink(ctx: ReleaseContext, tx: Tx, number: number, link: LinkChange): Promise<void> {
  const previous = await findRelease(tx, number);
  await tx.release.update({
    where: { id: previous.id },
    data: { updatedAt: link.at, version: { increment: 1 } },
  });
  await appendTimeline(tx, {
    ticketKind: "release",
    ticketId: previous.id,
    at: link.at,
    actorId: link.actor.person.id,
    kind: link.added ? "linked" : "unlinked",
    after: { relation: link.link.relation, item: link.other.label },
    body: `${relationLabels[link.link.relation][link.link.direction]}: ${itemLine(link.other)}`,
  });
  await queueReleasePosts(ctx, tx, await findRelease(tx, number), link.added ? "linked" : "unlinked");
}

async function suggestReleases(db: Db, typed: string): Promise<CompletionValue[]> {
  const rows = await db.release.findMany({
    where: { status: { in: [...activeReleaseStatuses, "deployed", "reviewed"] } },
    orderBy: { number: "desc" },
    take: suggestionWindow,
    select: { number: true, name: true, label: true },
  });
  return matchTickets(
    RELEASE_PREFIX,
    typed,
    rows.map((r) => ({ number: r.number, title: r.name, label: `${r.name} ${r.label}` })),
  );
}
