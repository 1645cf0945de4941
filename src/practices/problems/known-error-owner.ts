import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import { clipText } from "../../kernel/text/clip.js";
import type { TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import type { LinkView } from "../../kernel/tickets/links.js";
import type { CardAction } from "../../kernel/views/card.js";
import { KNOWN_ERROR_PREFIX, knownErrorRef } from "./model.js";

/** The button a known error offers on the card of an incident it was suggested for. */
export const APPLY_WORKAROUND = "problem.apply_workaround";

/** How long a workaround may be on another practice's card line before it is clipped. */
const detailMax = 300;

/**
 * Known errors as other practices see them through the ticket directory: `KE-2`, its title, and its
 * workaround as the one-line detail, so an incident it is suggested for shows the workaround at once, with
 * "Apply workaround" (the click comes back to this practice: its id starts with `problem.`).
 */
export function knownErrorOwner(): TicketOwner {
  return {
    prefix: KNOWN_ERROR_PREFIX,
    suggest: (typed) => suggestKnownErrors(typed),
    find: findSummary,
    linkActions: (link: LinkView, on: ItemRef): readonly CardAction[] =>
      link.relation === "suggested" && link.direction === "out" && on.kind === "INC"
        ? [
            {
              id: APPLY_WORKAROUND,
              label: "Apply workaround",
              style: "primary",
              value: `${on.kind}-${on.key} ${knownErrorRef(Number(link.other.key))}`,
            },
          ]
        : [],
  };
}

async function findSummary(db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.knownError.findUnique({
    where: { number },
    select: { number: true, title: true, status: true, serviceId: true, workaround: true },
  });
  if (!row) return undefined;
  return {
    ref: { kind: KNOWN_ERROR_PREFIX, key: String(row.number) },
    label: knownErrorRef(row.number),
    title: row.title,
    status: row.status === "published" ? "Published" : "Retired",
    open: row.status === "published",
    serviceId: row.serviceId,
    ...(row.workaround ? { detail: clipText(row.workaround, detailMax) } : {}),
  };
}

/** Known errors are found by their words (/kb), not typed by number into command options. */
async function suggestKnownErrors(_typed: string): Promise<CompletionValue[]> {
  return [];
}
