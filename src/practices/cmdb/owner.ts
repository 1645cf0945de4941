import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import type { LinkChange, TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import { itemLine } from "../../kernel/tickets/link-fields.js";
import { relationLabels } from "../../kernel/tickets/links.js";
import type { CmdbContext } from "./context.js";
import { ciDependencies } from "./dependencies.js";
import { findCi } from "./find-ci.js";
import { CI_PREFIX, ciKeyPattern, ciStatusLabels } from "./model.js";
import { recordCiChange } from "./timeline.js";

/**
 * CIs as other practices see them through the ticket directory: `ci/payments-db` (or `ci:payments-db` where
 * a colon is no option, or `CI payments-db`) names one (a CI's key is a word like any other, so the prefix
 * keeps "banana" from being read as a CI), a ticket linked to one
 * `affects` it, and its summary carries the impact line a card shows: "Checkout (business service) via
 * payments-db -> payments-api", computed from the graph once per version of it (impact-cache.ts).
 */
export function ciOwner(ctx: CmdbContext): TicketOwner {
  return {
    prefix: CI_PREFIX,
    suggest: (typed) => suggestCis(ctx.db, typed),
    find: (db, key) => findSummary(ctx, db, key),
    parse: parseCiRef,
    linkedAs: "affects",
    linked: (tx, key, change) => recordLink(tx, key, change),
    dependencies: ciDependencies,
  };
}

export function parseCiRef(text: string): ItemRef | undefined {
  const match = /^ci(?::|\/|\s+)(.+)$/i.exec(text.trim());
  const key = match?.[1]?.trim();
  return key && ciKeyPattern.test(key) ? { kind: CI_PREFIX, key } : undefined;
}

async function findSummary(ctx: CmdbContext, db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const ci = await findCi(db, key);
  if (!ci) return undefined;
  return {
    ref: { kind: CI_PREFIX, key: ci.key },
    label: ci.key,
    title: ci.name,
    status: ciStatusLabels[ci.status],
    open: ci.status !== "retired",
    serviceId: ci.serviceId,
    detail: await ctx.impactLines.line(db, ci),
  };
}

async function recordLink(tx: Tx, key: string, link: LinkChange): Promise<void> {
  const ci = await findCi(tx, key);
  if (!ci) return;
  await recordCiChange(tx, {
    ciId: ci.id,
    at: link.at,
    actorId: link.actor.person.id,
    kind: link.added ? "linked" : "unlinked",
    after: { relation: link.link.relation, item: link.other.label },
    body: `${relationLabels[link.link.relation][link.link.direction]}: ${itemLine(link.other)}`,
  });
}

async function suggestCis(db: Db, typed: string): Promise<CompletionValue[]> {
  const lower = typed.replace(/^ci[:/]/i, "").toLowerCase();
  const rows = await db.configItem.findMany({
    where: { status: { not: "retired" } },
    orderBy: { key: "asc" },
    take: 500,
    select: { key: true, name: true },
  });
  return rows
    .filter((ci) => ci.key.toLowerCase().startsWith(lower) || ci.name.toLowerCase().includes(lower))
    .map((ci) => ({ value: `ci/${ci.key}`, label: ci.name }));
}
