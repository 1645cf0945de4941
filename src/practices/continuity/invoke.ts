import { transactionOptions } from "../../db/client.js";
import { ConflictError, ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { postText } from "../../kernel/views/post-text.js";
import { type ContinuityContext, planFor, serviceName } from "./context.js";
import { RUN_PREFIX, type RunSnapshot, runRef } from "./model.js";
import { queueRunPosts } from "./posts.js";
import { findRun } from "./snapshot.js";

/**
 * Invokes a service's continuity plan (or drills it): copies the plan's objectives and steps into a new
 * BCP-n run and posts its checklist, in one transaction. One run per service at a time: two people
 * invoking the same plan get the one run.
 */
export async function invokePlan(
  ctx: ContinuityContext,
  actor: Actor,
  serviceId: string,
  options: { drill: boolean; incidentRef?: string },
): Promise<RunSnapshot> {
  if (!isAgent(actor)) {
    throw new ForbiddenError("Only agents can invoke or drill a continuity plan. Ask the service desk.");
  }
  const plan = planFor(ctx.config, serviceId);
  const now = ctx.clock.now();
  const run = await ctx.db.$transaction(async (tx) => {
    const active = await tx.continuityRun.findFirst({ where: { serviceId, status: "active" } });
    if (active) {
      throw new ConflictError(
        `${runRef(active.number)} is already ${active.drill ? "drilling" : "recovering"} ${serviceName(ctx.config, serviceId)}; work its checklist, or mark it restored first.`,
      );
    }
    const number = await nextTicketNumber(tx, RUN_PREFIX);
    const row = await tx.continuityRun.create({
      data: {
        number,
        serviceId,
        drill: options.drill,
        status: "active",
        incidentRef: options.incidentRef ?? null,
        rtoMinutes: plan.rtoMinutes,
        rpoMinutes: plan.rpoMinutes,
        mtdMinutes: plan.mtdMinutes,
        ordered: plan.ordered,
        startedAt: now,
        startedById: actor.person.id,
        drawnAt: now,
        updatedAt: now,
        steps: {
          create: plan.steps.map((step, index) => ({
            position: index + 1,
            title: step.title,
            ownerGroupId: step.ownerGroupId,
            status: "pending",
          })),
        },
      },
    });
    await appendTimeline(tx, {
      ticketKind: "continuity",
      ticketId: row.id,
      at: now,
      actorId: actor.person.id,
      kind: options.drill ? "drill_started" : "invoked",
      after: { serviceId, ...(options.incidentRef ? { incident: options.incidentRef } : {}) },
    });
    const created = await findRun(tx, number);
    const what = options.drill ? "started a drill of" : "invoked";
    await queueRunPosts(ctx, tx, created, {
      kind: "post",
      now,
      line: postText`${actor.person.displayName} ${what} the continuity plan.`,
    });
    return created;
  }, transactionOptions);
  ctx.onCommitted?.();
  return run;
}
