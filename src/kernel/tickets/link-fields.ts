import type { Db, Tx } from "../../db/client.js";
import type { CardAction, CardField } from "../views/card.js";
import type { TicketDirectory } from "./directory.js";
import type { ItemRef, ItemSummary } from "./item-ref.js";
import { type LinkView, linksOf, relationLabels } from "./links.js";

export interface LinkSection {
  /** One field per relation as this side reads it ("Problem", "Caused by"), each linked item on a line. */
  readonly fields: readonly CardField[];
  /** Buttons the linked items' owners offer on this card (e.g. "Apply workaround"). */
  readonly actions: readonly CardAction[];
  /** The linked items as read, for replies that mention them. */
  readonly items: readonly { readonly link: LinkView; readonly summary: ItemSummary }[];
}

/**
 * What a card shows of an item's links, read through the directory so the card's practice knows nothing of
 * the other side. A link whose other side no longer exists (a retired owner) is left out, not shown broken.
 */
export async function linkSection(
  db: Db | Tx,
  directory: TicketDirectory,
  ref: ItemRef,
): Promise<LinkSection> {
  const items: { link: LinkView; summary: ItemSummary }[] = [];
  for (const link of await linksOf(db, ref)) {
    const summary = await directory.find(db, link.other);
    if (summary) items.push({ link, summary });
  }
  const lines = new Map<string, string[]>();
  for (const { link, summary } of items) {
    const label = relationLabels[link.relation][link.direction];
    lines.set(label, [...(lines.get(label) ?? []), itemLine(summary)]);
  }
  const actions = items.flatMap(({ link, summary }) => [
    ...(directory.owner(summary.ref.kind)?.linkActions?.(link, ref) ?? []),
  ]);
  return {
    fields: [...lines].map(([label, values]) => ({ label, value: values.join("\n") })),
    actions,
    items,
  };
}

/** `PRB-4 · Payment timeouts (Root cause analysis) — restart the pool` */
export function itemLine(summary: ItemSummary): string {
  const detail = summary.detail ? ` — ${summary.detail}` : "";
  return `${summary.label} · ${summary.title} (${summary.status})${detail}`;
}
