import { type Tx, transactionOptions } from "../../db/client.js";
import { NotFoundError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { priorityFor } from "../../kernel/priority.js";
import { clipText } from "../../kernel/text/clip.js";
import type { ItemRef } from "../../kernel/tickets/item-ref.js";
import { linkItems } from "../../kernel/tickets/links.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { validate } from "../../kernel/validate.js";
import { type ProblemContext, runProblemHooks } from "./context.js";
import { findProblem } from "./find-problem.js";
import { type CreateProblemInput, createProblemSchema, type ValidCreateProblem } from "./inputs.js";
import { PROBLEM_PREFIX, type ProblemSnapshot } from "./model.js";
import { assertMayRaiseProblems } from "./permissions.js";

/** The ticket kind problems are recorded under on the timeline and the outbox. */
export const PROBLEM_TICKET_KIND = "problem";

/**
 * Raises a problem: checks the raiser's rights, validates, derives the priority from the matrix, takes the
 * next number, records the creation and links the incidents it explains, all in one transaction (no gaps,
 * nothing half-written: an unknown incident rolls the whole problem back).
 */
export async function createProblem(
  ctx: ProblemContext,
  actor: Actor,
  input: CreateProblemInput,
): Promise<ProblemSnapshot> {
  assertMayRaiseProblems(actor, ctx.managers);
  const data = validate(createProblemSchema, input);
  const incidents = data.incidents.map((typed) => incidentRef(ctx, typed));
  const now = ctx.clock.now();
  const created = await ctx.db.$transaction(
    (tx) => createProblemIn(ctx, tx, actor, data, incidents, now),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return created;
}

/** The raise itself, inside the caller's transaction (also used by "Open problem" on a recurring cluster). */
export async function createProblemIn(
  ctx: ProblemContext,
  tx: Tx,
  actor: Actor,
  data: ValidCreateProblem,
  incidents: readonly { ref: ItemRef }[],
  now: Date,
): Promise<ProblemSnapshot> {
  if (data.serviceId) await requireService(tx, data.serviceId);
  const number = await nextTicketNumber(tx, PROBLEM_PREFIX);
  const priority = priorityFor(ctx.priorityMatrix, data.impact, data.urgency);
  const row = await tx.problem.create({
    data: {
      number,
      title: data.title,
      description: data.description,
      symptom: data.symptom,
      impact: data.impact,
      urgency: data.urgency,
      priority,
      status: "new",
      serviceId: data.serviceId ?? null,
      reporterId: actor.person.id,
      createdAt: now,
      updatedAt: now,
    },
  });
  await appendTimeline(tx, {
    ticketKind: PROBLEM_TICKET_KIND,
    ticketId: row.id,
    at: now,
    actorId: actor.person.id,
    kind: "created",
    after: { title: data.title, priority, service: data.serviceId ?? null },
  });
  // Linked before the first card is queued, so the card shows them; each incident is told (its card and
  // thread say so). The problem's own owner is not told: its first card is queued just below.
  const ref: ItemRef = { kind: PROBLEM_PREFIX, key: String(number) };
  for (const incident of incidents) {
    await linkItems(
      tx,
      ctx.tickets,
      { from: incident.ref, to: ref, relation: "problem", actor, at: now },
      { tellOwners: false },
    );
    await ctx.tickets.owner(incident.ref.kind)?.linked?.(tx, incident.ref.key, {
      link: { relation: "problem", direction: "out", other: ref, createdAt: now },
      added: true,
      actor,
      at: now,
      other: await ctx.tickets.require(tx, ref),
    });
  }
  const problem = await findProblem(tx, number);
  await runProblemHooks(ctx, tx, { kind: "created", problem, previous: null, actor });
  return problem;
}

/** `INC-3` as typed: only incidents may be named in `incidents:`. */
function incidentRef(ctx: ProblemContext, typed: string): { ref: ItemRef; typed: string } {
  const ref = ctx.tickets.parse(typed);
  if (ref?.kind !== "INC") {
    throw new ValidationError(
      `"${clipText(typed, 40)}" in incidents: is not an incident. Write them like incidents:INC-3,INC-5.`,
    );
  }
  return { ref, typed };
}

async function requireService(tx: Tx, serviceId: string): Promise<void> {
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { active: true } });
  if (service?.active) return;
  const known = await tx.service.findMany({
    where: { active: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  throw new NotFoundError(
    `There is no service "${serviceId}". ` +
      (known.length
        ? `Known services: ${known.map((s) => s.id).join(", ")}.`
        : "No services are configured yet."),
  );
}
