import { transactionOptions } from "../../../db/client.js";
import { AlreadyDoneError, ForbiddenError, NotFoundError, ValidationError } from "../../../kernel/errors.js";
import { type Actor, isAgent } from "../../../kernel/people/actor.js";
import { parseTicketNumber } from "../../../kernel/tickets/reference.js";
import { validate } from "../../../kernel/validate.js";
import { createProblemIn } from "../create-problem.js";
import { createProblemSchema } from "../inputs.js";
import { problemLimits } from "../model.js";
import { CLUSTER_PREFIX } from "./card.js";
import { queueClusterCard, type RecurringDeps } from "./run.js";

/**
 * "Open problem" or "Dismiss" on a recurring-incident suggestion. Agents only. The cluster row is claimed
 * first (`posted` → the answer, conditionally), so of two clicks at once exactly one answers; Open problem
 * raises the problem with the cluster's incidents linked in the same transaction.
 */
export async function answerCluster(
  deps: RecurringDeps,
  actor: Actor,
  value: string,
  answer: "open" | "dismiss",
): Promise<string> {
  const { problems } = deps;
  const id = parseTicketNumber(CLUSTER_PREFIX, value);
  if (id === undefined) throw new ValidationError("That button is no longer supported.");
  if (!isAgent(actor)) throw new ForbiddenError("Only agents can answer a recurring-incident suggestion.");
  const now = problems.clock.now();
  const text = await problems.db.$transaction(async (tx) => {
    const cluster = await tx.recurringCluster.findUnique({ where: { id }, include: { incidents: true } });
    if (!cluster) throw new NotFoundError(`There is no ${CLUSTER_PREFIX}-${id}.`);
    const status = answer === "open" ? "opened" : "dismissed";
    const claimed = await tx.recurringCluster.updateMany({
      where: { id, status: "posted" },
      data: { status, decidedAt: now, decidedById: actor.person.id },
    });
    if (claimed.count === 0)
      throw new AlreadyDoneError(`${CLUSTER_PREFIX}-${id} was already answered (${cluster.status}).`);
    const labels = cluster.incidents.map((i) => `INC-${i.incidentKey}`).sort(byNumber);
    const summaries = [];
    for (const label of labels) {
      const ref = problems.tickets.parse(label);
      const summary = ref && (await problems.tickets.find(tx, ref));
      if (summary) summaries.push(summary);
    }
    let outcome: string;
    let reply: string;
    if (answer === "open") {
      const first = summaries[0];
      const data = validate(createProblemSchema, {
        title: `Recurring: ${first?.title ?? labels.join(", ")}`.slice(0, problemLimits.titleMax),
        serviceId: cluster.serviceId,
        incidents: labels,
      });
      const problem = await createProblemIn(
        problems,
        tx,
        actor,
        data,
        summaries.map((s) => ({ ref: s.ref })),
        now,
      );
      outcome = `Opened ${problem.ref} (${actor.person.displayName})`;
      reply = `${problem.ref} is raised with ${labels.join(", ")} linked.`;
    } else {
      outcome = `Dismissed by ${actor.person.displayName}; these incidents are not suggested again`;
      reply = `${CLUSTER_PREFIX}-${id} is dismissed: ${labels.join(", ")} will not be suggested again.`;
    }
    const serviceName =
      deps.config.services.find((s) => s.id === cluster.serviceId)?.name ?? cluster.serviceId;
    await queueClusterCard(
      deps,
      tx,
      {
        id,
        serviceName,
        days: Math.round(deps.config.problems.recurring.withinMinutes / 1440),
        incidents: summaries.map((s) => ({ label: s.label, title: s.title })),
        status,
        outcome,
      },
      cluster.serviceId,
      now,
      "update_card",
    );
    return reply;
  }, transactionOptions);
  problems.onCommitted?.();
  return text;
}

function byNumber(a: string, b: string): number {
  return Number(a.slice(4)) - Number(b.slice(4));
}
