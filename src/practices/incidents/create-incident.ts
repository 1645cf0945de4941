import { type Tx, transactionOptions } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { priorityFor } from "../../kernel/priority.js";
import { linkItems } from "../../kernel/tickets/links.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { validate } from "../../kernel/validate.js";
import { type IncidentContext, runChangeHooks } from "./context.js";
import { type CreateIncidentInput, createIncidentSchema } from "./inputs.js";
import { INCIDENT_PREFIX, type IncidentSnapshot } from "./model.js";
import { toSnapshot } from "./snapshot.js";

/**
 * Raises an incident: validates the input, derives the priority from the matrix, takes the next number
 * and records the creation on the timeline, all in one transaction (no gaps, no half-written incident).
 */
export async function createIncident(
  ctx: IncidentContext,
  actor: Actor,
  input: CreateIncidentInput,
): Promise<IncidentSnapshot> {
  const data = validate(createIncidentSchema, input);
  const now = ctx.clock.now();
  const created = await ctx.db.$transaction(async (tx) => {
    let service: { id: string; name: string; active: boolean } | null = null;
    if (data.serviceId) {
      service = await tx.service.findUnique({
        where: { id: data.serviceId },
        select: { id: true, name: true, active: true },
      });
      if (!service?.active) {
        const known = await tx.service.findMany({
          where: { active: true },
          select: { id: true },
          orderBy: { id: "asc" },
        });
        throw new NotFoundError(
          `There is no service "${data.serviceId}". ` +
            (known.length
              ? `Known services: ${known.map((s) => s.id).join(", ")}.`
              : "No services are configured yet."),
        );
      }
    }
    const number = await nextTicketNumber(tx, INCIDENT_PREFIX);
    const priority = priorityFor(ctx.priorityMatrix, data.impact, data.urgency);
    const row = await tx.incident.create({
      data: {
        number,
        title: data.title,
        description: data.description,
        impact: data.impact,
        urgency: data.urgency,
        priority,
        status: "new",
        serviceId: data.serviceId ?? null,
        category: data.category || null,
        reporterId: actor.person.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    // Everything the snapshot's relations hold is known here, so they are not read back one by one.
    const incident = toSnapshot({
      ...row,
      service: service ? { id: service.id, name: service.name } : null,
      reporter: { id: actor.person.id, displayName: actor.person.displayName },
      assignee: null,
      assignedGroup: null,
    });
    await appendTimeline(tx, {
      ticketKind: "incident",
      ticketId: row.id,
      at: now,
      actorId: actor.person.id,
      kind: "created",
      after: {
        title: data.title,
        priority,
        impact: data.impact,
        urgency: data.urgency,
        service: data.serviceId ?? null,
      },
    });
    await recordAdvice(ctx, tx, actor, incident, now);
    await runChangeHooks(ctx, tx, { kind: "created", incident, previous: null, actor, visibility: "public" });
    return incident;
  }, transactionOptions);
  ctx.onCommitted?.();
  return created;
}

/**
 * Links other practices suggest for the new incident (a known error that looks like it), recorded in the
 * raising transaction without telling the owners: the first card shows them, and nothing is posted twice.
 */
async function recordAdvice(
  ctx: IncidentContext,
  tx: Tx,
  actor: Actor,
  incident: IncidentSnapshot,
  at: Date,
): Promise<void> {
  if (!ctx.advise || !ctx.tickets) return;
  const ref = { kind: INCIDENT_PREFIX, key: String(incident.number) };
  const advice = await ctx.advise(tx, {
    ref,
    title: incident.title,
    description: incident.description,
    serviceId: incident.service?.id ?? null,
    category: incident.category,
  });
  for (const { to, relation } of advice) {
    await linkItems(tx, ctx.tickets, { from: ref, to, relation, actor, at }, { tellOwners: false });
  }
}
