import type { Db, Tx } from "../../db/client.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { linksOf } from "../../kernel/tickets/links.js";
import { CI_PREFIX } from "./model.js";

/** The tickets of every practice linked to a CI (an incident that affects it, a change to it), read through the directory. */
export async function ticketsOn(db: Db | Tx, tickets: TicketDirectory, key: string): Promise<ItemSummary[]> {
  const found: ItemSummary[] = [];
  for (const link of await linksOf(db, { kind: CI_PREFIX, key })) {
    const summary = await tickets.find(db, link.other);
    if (summary) found.push(summary);
  }
  return found;
}
