import { transactionOptions } from "../../db/client.js";
import { ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { linkItems } from "../../kernel/tickets/links.js";
import type { CmdbContext } from "./context.js";
import { requireCi } from "./find-ci.js";
import { CI_PREFIX, type CiSnapshot } from "./model.js";
import { requireAgent } from "./permissions.js";

/**
 * `/cmdb attach payments-db CHG-9`: the ticket affects the CI. The person chooses what to attach (OpsDesk never
 * attaches the hundreds of CIs a graph could reach); the ticket's card then shows the CI with the business
 * services hit through it, computed from the graph each time the card is drawn.
 */
export async function attachTicket(
  ctx: CmdbContext,
  actor: Actor,
  request: { ci: string; ticket: string },
): Promise<{ ci: CiSnapshot; ticket: ItemSummary }> {
  requireAgent(actor, "attach tickets to configuration items");
  const ci = await requireCi(ctx.db, request.ci);
  const ref = ctx.tickets.parse(request.ticket);
  if (!ref || ref.kind === CI_PREFIX)
    throw new ValidationError(
      `"${clipText(request.ticket, 20)}" is not a ticket. Write a reference like INC-7 or CHG-9.`,
    );
  const ticket = await ctx.tickets.require(ctx.db, ref, request.ticket.trim());
  if (ci.status === "retired") throw new ValidationError(`${ci.key} is retired; attach a CI in service.`);
  await ctx.db.$transaction(
    (tx) =>
      linkItems(tx, ctx.tickets, {
        from: ref,
        to: { kind: CI_PREFIX, key: ci.key },
        relation: "affects",
        actor,
        at: ctx.clock.now(),
      }),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return { ci, ticket };
}
