import { transactionOptions } from "../../db/client.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { linkItems } from "../../kernel/tickets/links.js";
import { parseTicketNumber } from "../../kernel/tickets/reference.js";
import type { ProblemContext } from "./context.js";
import { KNOWN_ERROR_PREFIX, PROBLEM_PREFIX, problemRef } from "./model.js";

export interface AppliedWorkaround {
  readonly incident: string;
  readonly knownError: string;
  readonly problem: string;
  readonly workaround: string;
}

/**
 * "Apply workaround" on an incident a known error was suggested for: the incident becomes one of the
 * known error's problem's incidents (the link the incident card then shows as its Problem), and the
 * incident's timeline and thread record the link with the workaround as its detail, so everyone following
 * the incident reads it. Practices cannot write each other's notes: the workaround reaches the incident's
 * thread through the link line the incidents practice posts for every link. Agents only, like any link.
 */
export async function applyWorkaround(
  ctx: ProblemContext,
  actor: Actor,
  value: string,
): Promise<AppliedWorkaround> {
  const [incidentText = "", knownErrorText = ""] = value.trim().split(/\s+/);
  const incident = ctx.tickets.parse(incidentText);
  const number = parseTicketNumber(KNOWN_ERROR_PREFIX, knownErrorText);
  if (!incident || number === undefined)
    throw new ValidationError("That button is no longer supported. Use /incident show to get a fresh card.");
  if (!isAgent(actor))
    throw new ForbiddenError(
      `Only agents can apply a workaround to ${incidentText}. The workaround is on the card: try it, and ` +
        "the service desk records it.",
    );
  const knownError = await ctx.db.knownError.findUnique({
    where: { number },
    select: { number: true, workaround: true, problem: { select: { number: true } } },
  });
  if (!knownError) throw new NotFoundError(`There is no ${KNOWN_ERROR_PREFIX}-${number}.`);
  const problem = { kind: PROBLEM_PREFIX, key: String(knownError.problem.number) };
  const at = ctx.clock.now();
  await ctx.db.$transaction(
    (tx) => linkItems(tx, ctx.tickets, { from: incident, to: problem, relation: "problem", actor, at }),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return {
    incident: incidentText,
    knownError: `${KNOWN_ERROR_PREFIX}-${number}`,
    problem: problemRef(knownError.problem.number),
    workaround: knownError.workaround,
  };
}
