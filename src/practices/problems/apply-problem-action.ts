import type { Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { actorForPerson } from "../../kernel/people/resolve-actor.js";
import { linksOf } from "../../kernel/tickets/links.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import { validate } from "../../kernel/validate.js";
import { type ProblemContext, runProblemHooks } from "./context.js";
import { PROBLEM_TICKET_KIND } from "./create-problem.js";
import { decideProblemChange, type ProblemPlan } from "./decide.js";
import { findProblem } from "./find-problem.js";
import { type ProblemActionInput, problemActionSchema, type ValidProblemAction } from "./inputs.js";
import { PROBLEM_PREFIX, type ProblemSnapshot } from "./model.js";
import { publishPlan } from "./publish-known-error.js";

export interface ProblemActionResult {
  problem: ProblemSnapshot;
  previous: ProblemSnapshot;
  kind: string;
}

/**
 * Applies one action to a problem. The write is conditional on the version the decision was made on, so
 * of two simultaneous clicks exactly one wins; the loser is decided again on the new state, where it
 * usually becomes a clear "already done" or "not allowed now".
 */
export async function applyProblemAction(
  ctx: ProblemContext,
  actor: Actor,
  number: number,
  command: ProblemActionInput,
): Promise<ProblemActionResult> {
  const valid = validate(problemActionSchema, command);
  return writeOnVersion(ctx, `${PROBLEM_PREFIX}-${number}`, (tx) =>
    attemptProblemAction(ctx, tx, actor, number, valid),
  );
}

/** One attempt inside the caller's transaction; null when another change won the race. */
export async function attemptProblemAction(
  ctx: ProblemContext,
  tx: Tx,
  actor: Actor,
  number: number,
  command: ValidProblemAction,
): Promise<ProblemActionResult | null> {
  const previous = await findProblem(tx, number);
  const now = ctx.clock.now();
  const plan: ProblemPlan =
    command.type === "publish"
      ? await publishPlan(ctx, tx, actor, previous, now)
      : decideProblemChange({
          problem: previous,
          actor,
          command,
          now,
          managers: ctx.managers,
          ...(command.type === "assign" ? { owner: await ownerTarget(tx, command.ownerId) } : {}),
          ...(command.type === "close" ? { openIncidents: await openIncidents(ctx, tx, previous) } : {}),
        });
  const { count } = await tx.problem.updateMany({
    where: { id: previous.id, version: previous.version },
    data: { ...plan.update, updatedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return null;
  if (previous.knownError) await keepKnownErrorCurrent(tx, previous.id, command, now);
  return record(ctx, tx, actor, previous, plan, now);
}

/** Records a decided change: the timeline entry, the new snapshot, the hooks (posts, events). */
export async function record(
  ctx: ProblemContext,
  tx: Tx,
  actor: Actor,
  previous: ProblemSnapshot,
  plan: ProblemPlan,
  now: Date,
): Promise<ProblemActionResult> {
  await appendTimeline(tx, {
    ticketKind: PROBLEM_TICKET_KIND,
    ticketId: previous.id,
    at: now,
    actorId: actor.person.id,
    kind: plan.event.kind,
    ...(plan.event.before ? { before: plan.event.before } : {}),
    ...(plan.event.after ? { after: plan.event.after } : {}),
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  const problem = await findProblem(tx, previous.number);
  await runProblemHooks(ctx, tx, {
    kind: plan.event.kind,
    problem,
    previous,
    actor,
    ...(plan.event.body ? { body: plan.event.body } : {}),
  });
  return { problem, previous, kind: plan.event.kind };
}

async function ownerTarget(tx: Tx, personId: string) {
  const person = await actorForPerson(tx, personId);
  if (!person)
    throw new NotFoundError("OpsDesk does not know that person yet; they need to use OpsDesk once first.");
  return { ...person.person, isAgent: isAgent(person) };
}

/** The linked incidents still open, read through the ticket directory (the problem knows no incident). */
async function openIncidents(ctx: ProblemContext, tx: Tx, problem: ProblemSnapshot): Promise<string[]> {
  const open: string[] = [];
  for (const link of await linksOf(tx, { kind: PROBLEM_PREFIX, key: String(problem.number) })) {
    if (link.relation !== "problem") continue;
    const summary = await ctx.tickets.find(tx, link.other);
    if (summary?.open) open.push(summary.label);
  }
  return open;
}

/** A published known error says what its problem says now: a better workaround reaches the next incident. */
async function keepKnownErrorCurrent(tx: Tx, problemId: number, command: ValidProblemAction, now: Date) {
  if (command.type === "record_cause")
    await tx.knownError.update({ where: { problemId }, data: { cause: command.cause, updatedAt: now } });
  if (command.type === "record_workaround")
    await tx.knownError.update({
      where: { problemId },
      data: { workaround: command.workaround, updatedAt: now },
    });
}
