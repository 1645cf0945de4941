import type { Db, Tx } from "../../db/client.js";
import { AlreadyDoneError, NotFoundError, ValidationError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import type { TicketDirectory } from "./directory.js";
import { type ItemRef, type ItemSummary, sameRef } from "./item-ref.js";

/**
 * How two items relate, read from the `from` side. Directional: an incident is `caused_by` a change, an
 * incident has a `problem`, a problem is `fixed_by` a change, an incident was `suggested` a known error when
 * it was raised, a ticket `affects` a CI, a release `includes` a change (ITIL 4 release management: a release
 * is a set of changes deployed together).
 */
export const linkRelations = [
  "related",
  "caused_by",
  "problem",
  "fixed_by",
  "suggested",
  "affects",
  "includes",
] as const;
export type LinkRelation = (typeof linkRelations)[number];

/** How a link reads on each side's card: outgoing (from the `from` item) and incoming. */
export const relationLabels: Record<LinkRelation, { readonly out: string; readonly in: string }> = {
  related: { out: "Related", in: "Related" },
  caused_by: { out: "Caused by", in: "Caused" },
  problem: { out: "Problem", in: "Incidents" },
  fixed_by: { out: "Fixed by", in: "Fixes" },
  suggested: { out: "Looks like", in: "Suggested for" },
  affects: { out: "Affects", in: "Affected by" },
  includes: { out: "Includes", in: "Released in" },
};

/** A link as one side sees it: the relation, which way it points, and the item at the other end. */
export interface LinkView {
  readonly relation: LinkRelation;
  /** `out` when the viewing item is the link's `from` side. */
  readonly direction: "out" | "in";
  readonly other: ItemRef;
  readonly createdAt: Date;
}

export interface LinkRequest {
  readonly from: ItemRef;
  readonly to: ItemRef;
  readonly relation: LinkRelation;
  readonly actor: Actor;
  readonly at: Date;
}

/**
 * Links two items inside the caller's transaction. Both must exist; an item never links to itself; the same
 * pair is linked once whatever the relation or direction (AlreadyDoneError names the existing link). Each
 * side's owner records the link on its timeline and queues its card in the same transaction.
 */
export async function linkItems(
  tx: Tx,
  directory: TicketDirectory,
  request: LinkRequest,
  options: { readonly tellOwners?: boolean } = {},
): Promise<void> {
  const { from, to } = request;
  if (sameRef(from, to)) throw new ValidationError("An item cannot be linked to itself.");
  const [fromItem, toItem] = await both(tx, directory, from, to);
  const existing = await findLink(tx, from, to);
  if (existing)
    throw new AlreadyDoneError(
      `${fromItem.label} and ${toItem.label} are already linked (${relationLabels[existing.relation as LinkRelation]?.out ?? existing.relation}).`,
    );
  await tx.ticketLink.create({
    data: {
      fromKind: from.kind,
      fromKey: from.key,
      toKind: to.kind,
      toKey: to.key,
      relation: request.relation,
      createdAt: request.at,
      createdById: request.actor.person.id,
    },
  });
  // Advice recorded while an item is raised is shown by its first card: nobody needs telling.
  if (options.tellOwners !== false) await tellOwners(tx, directory, request, fromItem, toItem, true);
}

/** Removes the link between two items, whichever way it points; NotFoundError when there is none. */
export async function unlinkItems(
  tx: Tx,
  directory: TicketDirectory,
  request: Omit<LinkRequest, "relation">,
): Promise<void> {
  const [fromItem, toItem] = await both(tx, directory, request.from, request.to);
  const existing = await findLink(tx, request.from, request.to);
  if (!existing) throw new NotFoundError(`${fromItem.label} and ${toItem.label} are not linked.`);
  await tx.ticketLink.delete({ where: { id: existing.id } });
  // Tell the owners from the link's own direction, so each side reads it as it was shown.
  const forward = existing.fromKind === request.from.kind && existing.fromKey === request.from.key;
  const stored = { ...request, relation: existing.relation as LinkRelation };
  if (forward) await tellOwners(tx, directory, stored, fromItem, toItem, false);
  else
    await tellOwners(
      tx,
      directory,
      { ...stored, from: request.to, to: request.from },
      toItem,
      fromItem,
      false,
    );
}

/** Every link of an item, both directions, oldest first. */
export async function linksOf(db: Db | Tx, ref: ItemRef): Promise<LinkView[]> {
  const rows = await db.ticketLink.findMany({
    where: {
      OR: [
        { fromKind: ref.kind, fromKey: ref.key },
        { toKind: ref.kind, toKey: ref.key },
      ],
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => {
    const out = row.fromKind === ref.kind && row.fromKey === ref.key;
    return {
      relation: row.relation as LinkRelation,
      direction: out ? "out" : "in",
      other: out ? { kind: row.toKind, key: row.toKey } : { kind: row.fromKind, key: row.fromKey },
      createdAt: row.createdAt,
    };
  });
}

async function both(
  tx: Tx,
  directory: TicketDirectory,
  from: ItemRef,
  to: ItemRef,
): Promise<[ItemSummary, ItemSummary]> {
  return [await directory.require(tx, from), await directory.require(tx, to)];
}

function findLink(tx: Tx, a: ItemRef, b: ItemRef) {
  return tx.ticketLink.findFirst({
    where: {
      OR: [
        { fromKind: a.kind, fromKey: a.key, toKind: b.kind, toKey: b.key },
        { fromKind: b.kind, fromKey: b.key, toKind: a.kind, toKey: a.key },
      ],
    },
  });
}

async function tellOwners(
  tx: Tx,
  directory: TicketDirectory,
  request: LinkRequest,
  fromItem: ItemSummary,
  toItem: ItemSummary,
  added: boolean,
): Promise<void> {
  const base = { relation: request.relation, createdAt: request.at };
  const common = { added, actor: request.actor, at: request.at };
  await directory.owner(request.from.kind)?.linked?.(tx, request.from.key, {
    ...common,
    link: { ...base, direction: "out", other: request.to },
    other: toItem,
  });
  await directory.owner(request.to.kind)?.linked?.(tx, request.to.key, {
    ...common,
    link: { ...base, direction: "in", other: request.from },
    other: fromItem,
  });
}
