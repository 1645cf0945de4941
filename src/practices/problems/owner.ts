import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import { clipText } from "../../kernel/text/clip.js";
import type { LinkChange, TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { itemLine } from "../../kernel/tickets/link-fields.js";
import { relationLabels } from "../../kernel/tickets/links.js";
import { matchTickets, suggestionWindow } from "../../kernel/tickets/suggest.js";
import { record } from "./apply-problem-action.js";
import type { ProblemContext } from "./context.js";
import { findProblem } from "./find-problem.js";
import { openProblemStatuses, PROBLEM_PREFIX, type ProblemStatus, problemRef } from "./model.js";
import { problemStatusLabels } from "./views/labels.js";

/** How long a workaround may be on another practice's card line before it is clipped. */
const detailMax = 300;

/**
 * Problems as other practices see them through the ticket directory: found by number, shown on their cards,
 * told when linked. An incident linked to a problem without another relation named has it as its `problem`.
 */
export function problemOwner(ctx: ProblemContext): TicketOwner {
  return {
    prefix: PROBLEM_PREFIX,
    suggest: (typed) => suggestOpenProblems(ctx.db, typed),
    find: findSummary,
    linkedAs: "problem",
    linked: (tx, key, change) => recordLink(ctx, tx, Number(key), change),
  };
}

async function findSummary(db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.problem.findUnique({
    where: { number },
    select: { number: true, title: true, status: true, serviceId: true, workaround: true },
  });
  if (!row) return undefined;
  const status = row.status as ProblemStatus;
  return {
    ref: { kind: PROBLEM_PREFIX, key: String(row.number) },
    label: problemRef(row.number),
    title: row.title,
    status: problemStatusLabels[status],
    open: openProblemStatuses.includes(status),
    serviceId: row.serviceId,
    // The workaround travels with the problem onto incident cards and into their threads when linked.
    ...(row.workaround ? { detail: clipText(row.workaround, detailMax) } : {}),
  };
}

/**
 * A link is a change of the problem like any other: a new version, a timeline entry, the card updated in
 * place and a thread line, in the linking transaction. The version write is unconditional: it runs inside
 * another practice's transaction, and a problem action racing it loses on the version and is decided again.
 */
async function recordLink(ctx: ProblemContext, tx: Tx, number: number, change: LinkChange): Promise<void> {
  const previous = await findProblem(tx, number);
  const label = relationLabels[change.link.relation][change.link.direction];
  await tx.problem.update({
    where: { id: previous.id },
    data: { updatedAt: change.at, version: { increment: 1 } },
  });
  await record(
    ctx,
    tx,
    change.actor,
    previous,
    {
      update: {},
      event: {
        kind: change.added ? "linked" : "unlinked",
        after: { relation: change.link.relation, item: change.other.label },
        body: `${label}: ${itemLine(change.other)}`,
      },
    },
    change.at,
  );
}

async function suggestOpenProblems(db: Db, typed: string): Promise<CompletionValue[]> {
  const rows = await db.problem.findMany({
    where: { status: { in: [...openProblemStatuses] } },
    orderBy: { number: "desc" },
    take: suggestionWindow,
    select: { number: true, title: true },
  });
  return matchTickets(PROBLEM_PREFIX, typed, rows);
}
