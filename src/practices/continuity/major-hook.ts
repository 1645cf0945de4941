import type { Tx } from "../../db/client.js";
import type { TicketEvent } from "../../kernel/tickets/events.js";
import { linkItems } from "../../kernel/tickets/links.js";
import type { ContinuityContext } from "./context.js";
import { PLAN_KIND } from "./model.js";

/**
 * A major incident on a service that has a continuity plan is linked to the plan in the declaring
 * transaction, so its card offers "Invoke continuity plan" (the plan owner's link action). The owners are
 * not told: the incident's own card, queued after its events, already shows the link.
 */
export async function linkPlanOnMajor(ctx: ContinuityContext, tx: Tx, event: TicketEvent): Promise<void> {
  if (event.type !== "major") return;
  const serviceId = event.data?.serviceId;
  if (typeof serviceId !== "string") return;
  if (!ctx.config.continuity.plans.some((plan) => plan.serviceId === serviceId)) return;
  const to = { kind: PLAN_KIND, key: serviceId };
  const existing = await tx.ticketLink.findFirst({
    where: { fromKind: event.ref.kind, fromKey: event.ref.key, toKind: to.kind, toKey: to.key },
  });
  if (existing) return;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: event.actorId },
    select: { id: true, displayName: true },
  });
  await linkItems(
    tx,
    ctx.tickets,
    { from: event.ref, to, relation: "related", actor: { person, roles: new Set() }, at: event.at },
    { tellOwners: false },
  );
}
