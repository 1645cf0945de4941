import { type Tx, transactionOptions } from "../../db/client.js";
import { ForbiddenError, InvalidTransitionError, ValidationError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import { type LinkRelation, linkItems, relationLabels, unlinkItems } from "../../kernel/tickets/links.js";
import { attemptProblemAction } from "./apply-problem-action.js";
import type { ProblemContext } from "./context.js";
import { findProblem } from "./find-problem.js";
import { PROBLEM_PREFIX, type ProblemSnapshot } from "./model.js";

/** The kinds problem commands name, by the prefix their owners register (no practice is imported). */
const INCIDENT = "INC";
const CHANGE = "CHG";

export interface ProblemLinkOutcome {
  readonly problem: ProblemSnapshot;
  readonly other: ItemSummary;
  readonly relation: string;
}

/**
 * `/problem link PRB-4 INC-7` (and unlink): the same link `/incident link INC-7 PRB-4` makes, read from the
 * incident's side (the incident's `problem`), so both commands agree. Anything else is `related`. Agents only.
 */
export async function linkProblem(
  ctx: ProblemContext,
  actor: Actor,
  request: { number: number; item: string; remove: boolean },
): Promise<ProblemLinkOutcome> {
  if (!isAgent(actor))
    throw new ForbiddenError("Only agents can link problems. Ask the service desk to add the link.");
  const other = parseItem(ctx, request.item, "Write a reference like INC-7 or CHG-9.");
  const problem = await findProblem(ctx.db, request.number);
  const summary = await ctx.tickets.require(ctx.db, other, request.item.trim());
  const self: ItemRef = { kind: PROBLEM_PREFIX, key: String(request.number) };
  const incident = other.kind === INCIDENT;
  const relation: LinkRelation = incident ? "problem" : "related";
  const [from, to] = incident ? [other, self] : [self, other];
  const at = ctx.clock.now();
  await ctx.db.$transaction(
    (tx) =>
      request.remove
        ? unlinkItems(tx, ctx.tickets, { from, to, actor, at })
        : linkItems(tx, ctx.tickets, { from, to, relation, actor, at }),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return { problem, other: summary, relation: relationLabels[relation][incident ? "in" : "out"] };
}

/**
 * `/problem fix PRB-4 [CHG-9]`: starts the fix (from root cause analysis), and with a change records that
 * the change fixes it (`fixed_by`): when that change closes successful the problem is resolved; when it is
 * rolled back the problem stays in fix in progress (on-ticket-event.ts). Both in one transaction.
 */
export async function startFix(
  ctx: ProblemContext,
  actor: Actor,
  request: { number: number; change?: string | undefined },
): Promise<{ problem: ProblemSnapshot; change?: ItemSummary }> {
  const changeRef = request.change
    ? parseItem(ctx, request.change, "Write the change like CHG-9.")
    : undefined;
  if (changeRef && !isAgent(actor))
    throw new ForbiddenError("Only agents can link a change to a problem. Ask the problem's owner.");
  if (changeRef && changeRef.kind !== CHANGE)
    throw new ValidationError(
      `${clipText(request.change ?? "", 40)} is not a change. Write the change like CHG-9.`,
    );
  const result = await ctx.db.$transaction(async (tx) => {
    let problem = await findProblem(tx, request.number);
    if (problem.status !== "fix_in_progress" || !changeRef) {
      const started = await attemptProblemAction(ctx, tx, actor, request.number, { type: "start_fix" });
      if (!started)
        throw new InvalidTransitionError(`${problem.ref} changed meanwhile; look at its card and try again.`);
      problem = started.problem;
    }
    if (!changeRef) return { problem };
    return { problem, change: await linkFix(ctx, tx, actor, problem, changeRef) };
  }, transactionOptions);
  ctx.onCommitted?.();
  return result.change
    ? { problem: await findProblem(ctx.db, request.number), change: result.change }
    : { problem: await findProblem(ctx.db, request.number) };
}

async function linkFix(ctx: ProblemContext, tx: Tx, actor: Actor, problem: ProblemSnapshot, change: ItemRef) {
  const summary = await ctx.tickets.require(tx, change, `${change.kind}-${change.key}`);
  const at = ctx.clock.now();
  await linkItems(tx, ctx.tickets, {
    from: { kind: PROBLEM_PREFIX, key: String(problem.number) },
    to: change,
    relation: "fixed_by",
    actor,
    at,
  });
  return summary;
}

function parseItem(ctx: ProblemContext, typed: string, hint: string): ItemRef {
  const ref = ctx.tickets.parse(typed);
  if (ref) return ref;
  throw new ValidationError(`"${clipText(typed.trim(), 40)}" is not something OpsDesk can link. ${hint}`);
}
