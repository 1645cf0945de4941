import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { LinkChange, TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { itemLine } from "../../kernel/tickets/link-fields.js";
import { relationLabels } from "../../kernel/tickets/links.js";
import { matchTickets, suggestionWindow } from "../../kernel/tickets/suggest.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { applyChangeActionIn } from "./apply-change-action.js";
import { conflictsFor } from "./conflict-check.js";
import { type ChangeContext, runChangeHooks } from "./context.js";
import { findChange } from "./find-change.js";
import { activeChangeStatuses, CHANGE_PREFIX, type ChangeStatus, changeRef } from "./model.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";
import { changeStatusLabels } from "./views/labels.js";

/**
 * Changes as other practices see them through the ticket directory. An incident linked to a change without
 * another relation named is `caused_by` it: that is what the change failure rate counts (ITIL 4 change
 * enablement; DORA's change failure rate), so it is recorded, never guessed from timing.
 */
export function changeOwner(ctx: ChangeContext): TicketOwner {
  return {
    prefix: CHANGE_PREFIX,
    suggest: (typed) => suggestActiveChanges(ctx.db, typed),
    find: findSummary,
    linkedAs: "caused_by",
    linked: (tx, key, change) => recordLink(ctx, tx, Number(key), change),
    perform: (tx, key, step, actor) => performStep(ctx, tx, Number(key), step, actor),
  };
}

async function findSummary(db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.change.findUnique({
    where: { number },
    select: {
      number: true,
      title: true,
      status: true,
      plannedStart: true,
      plannedEnd: true,
      services: { select: { serviceId: true }, orderBy: { serviceId: "asc" }, take: 1 },
    },
  });
  if (!row) return undefined;
  const status = row.status as ChangeStatus;
  return {
    ref: { kind: CHANGE_PREFIX, key: String(row.number) },
    label: changeRef(row.number),
    title: row.title,
    status: changeStatusLabels[status],
    open: activeChangeStatuses.includes(status) || status === "review",
    serviceId: row.services[0]?.serviceId ?? null,
    state: status,
    window: { start: row.plannedStart, end: row.plannedEnd },
  };
}

/** A link is a change event like any other: a new version, a timeline entry, the card updated in place. */
async function recordLink(ctx: ChangeContext, tx: Tx, number: number, link: LinkChange): Promise<void> {
  const previous = await findChange(tx, number);
  const kind = link.added ? "linked" : "unlinked";
  const body = `${relationLabels[link.link.relation][link.link.direction]}: ${itemLine(link.other)}`;
  await tx.change.update({
    where: { id: previous.id },
    data: { updatedAt: link.at, version: { increment: 1 } },
  });
  await appendTimeline(tx, {
    ticketKind: "change",
    ticketId: previous.id,
    at: link.at,
    actorId: link.actor.person.id,
    kind,
    after: { relation: link.link.relation, item: link.other.label },
    body,
  });
  const change = toChangeSnapshot(
    await tx.change.findUniqueOrThrow({ where: { id: previous.id }, include: changeInclude }),
  );
  const conflicts = await conflictsFor(ctx, tx, {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    serviceIds: change.services.map((service) => service.id),
  });
  await runChangeHooks(ctx, tx, { kind, change, previous, actor: link.actor, conflicts, body });
}

/**
 * Steps other practices may ask for: `start` (a release deploying starts its scheduled changes'
 * implementation). The change's own rules decide, as if the actor had pressed Start.
 */
async function performStep(
  ctx: ChangeContext,
  tx: Tx,
  number: number,
  step: string,
  actor: Actor,
): Promise<void> {
  if (step !== "start") throw new Error(`changes cannot perform "${step}"`);
  await applyChangeActionIn(ctx, tx, actor, number, { type: "start" });
}

/** Changes still in play (up to review) whose number starts with, or title contains, what was typed. */
async function suggestActiveChanges(db: Db, typed: string): Promise<CompletionValue[]> {
  const rows = await db.change.findMany({
    where: { status: { in: [...activeChangeStatuses, "review"] } },
    orderBy: { number: "desc" },
    take: suggestionWindow,
    select: { number: true, title: true },
  });
  return matchTickets(CHANGE_PREFIX, typed, rows);
}
