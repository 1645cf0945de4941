import type { Tx } from "../../db/client.js";
import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import type { ProblemContext } from "./context.js";
import type { ProblemPlan } from "./decide.js";
import { assertProblemActionAllowed } from "./lifecycle.js";
import { KNOWN_ERROR_PREFIX, knownErrorRef, type ProblemSnapshot } from "./model.js";
import { assertMayPerform } from "./permissions.js";

/**
 * Publishes a problem as a known error, `KE-n` (ITIL 4: a problem analysed but not yet resolved; ServiceNow's
 * "Mark as known error" publishes its cause and workaround): only once its root cause or a workaround is
 * written down, once per problem. The known error copies the problem's words so the search finds it, and
 * the row's full-text index (FTS5 on SQLite, tsvector on PostgreSQL) is kept by the database itself.
 */
export async function publishPlan(
  _ctx: ProblemContext,
  tx: Tx,
  actor: Actor,
  problem: ProblemSnapshot,
  now: Date,
): Promise<ProblemPlan> {
  assertProblemActionAllowed(problem.ref, problem.status, "publish");
  assertMayPerform(actor, problem, "publish", _ctx.managers);
  if (problem.knownError)
    throw new AlreadyDoneError(`${problem.ref} is already published as ${problem.knownError.ref}.`);
  if (!problem.rootCause && !problem.workaround)
    throw new InvalidTransitionError(
      `${problem.ref} has neither a root cause nor a workaround yet, so there is nothing to publish. ` +
        `Record one first: /problem workaround ${problem.ref} <how to get going again>.`,
    );
  const number = await nextTicketNumber(tx, KNOWN_ERROR_PREFIX);
  await tx.knownError.create({
    data: {
      number,
      problemId: problem.id,
      title: problem.title,
      symptom: problem.symptom,
      cause: problem.rootCause ?? "",
      workaround: problem.workaround ?? "",
      status: "published",
      serviceId: problem.service?.id ?? null,
      publishedById: actor.person.id,
      createdAt: now,
      updatedAt: now,
    },
  });
  const ref = knownErrorRef(number);
  return { update: {}, event: { kind: "published", after: { knownError: ref }, body: ref } };
}
