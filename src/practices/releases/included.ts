import type { Db, Tx } from "../../db/client.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { linksOf } from "../../kernel/tickets/links.js";
import { activeReleaseStatuses, CHANGE_KIND, RELEASE_PREFIX } from "./model.js";

/** The changes a release includes (its `includes` links), read through the directory, in the order added. */
export async function includedChanges(
  db: Db | Tx,
  tickets: TicketDirectory,
  number: number,
): Promise<ItemSummary[]> {
  const links = await linksOf(db, { kind: RELEASE_PREFIX, key: String(number) });
  const found: ItemSummary[] = [];
  for (const link of links) {
    if (link.relation !== "includes" || link.direction !== "out" || link.other.kind !== CHANGE_KIND) continue;
    const summary = await tickets.find(db, link.other);
    if (summary) found.push(summary);
  }
  return found;
}

/** The still-active release (other than `exceptNumber`) that already includes a change, if any. */
export async function activeReleaseOf(
  db: Db | Tx,
  changeKey: string,
  exceptNumber?: number,
): Promise<{ number: number; status: string } | undefined> {
  const links = await db.ticketLink.findMany({
    where: { relation: "includes", fromKind: RELEASE_PREFIX, toKind: CHANGE_KIND, toKey: changeKey },
  });
  const numbers = links.map((link) => Number(link.fromKey)).filter((n) => n !== exceptNumber);
  if (numbers.length === 0) return undefined;
  const release = await db.release.findFirst({
    where: { number: { in: numbers }, status: { in: [...activeReleaseStatuses] } },
    select: { number: true, status: true },
  });
  return release ?? undefined;
}
