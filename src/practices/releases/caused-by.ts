import { transactionOptions } from "../../db/client.js";
import { ForbiddenError, ValidationError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import { linkItems, unlinkItems } from "../../kernel/tickets/links.js";
import type { ReleaseContext } from "./context.js";
import { RELEASE_PREFIX } from "./model.js";

/**
 * "Caused by REL-3" on an incident's card: the suggested link becomes a `caused_by` link (the record the
 * change failure rate counts). Agents only, as for any incident link. One transaction: both cards update.
 */
export async function confirmCausedBy(ctx: ReleaseContext, actor: Actor, value: string): Promise<string> {
  const [itemText = "", releaseText = ""] = value.split(" ");
  const item = ctx.tickets.parse(itemText);
  const release = ctx.tickets.parse(releaseText);
  if (!item || !release || release.kind !== RELEASE_PREFIX) {
    throw new ValidationError(`"${clipText(value, 40)}" does not name an item and a release.`);
  }
  if (!isAgent(actor)) throw new ForbiddenError("Only agents can record what caused an incident.");
  const at = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const links = await tx.ticketLink.findFirst({
      where: { fromKind: item.kind, fromKey: item.key, toKind: release.kind, toKey: release.key },
    });
    if (links?.relation === "suggested")
      await unlinkItems(tx, ctx.tickets, { from: item, to: release, actor, at });
    await linkItems(tx, ctx.tickets, { from: item, to: release, relation: "caused_by", actor, at });
  }, transactionOptions);
  ctx.onCommitted?.();
  return `${itemText} is linked to ${releaseText} (Caused by).`;
}
