import { transactionOptions } from "../../db/client.js";
import { ForbiddenError, ValidationError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import { type LinkRelation, linkItems, relationLabels, unlinkItems } from "../../kernel/tickets/links.js";
import type { IncidentContext } from "./context.js";
import { findIncident } from "./find-incident.js";
import { INCIDENT_PREFIX } from "./model.js";

/** The relations a person may give a link from an incident (`as:`): the others are recorded by OpsDesk. */
export const incidentLinkRelations = [
  "related",
  "caused_by",
  "problem",
  "affects",
] as const satisfies readonly LinkRelation[];
export type IncidentLinkRelation = (typeof incidentLinkRelations)[number];

export interface LinkOutcome {
  readonly incident: string;
  readonly other: ItemSummary;
  readonly relation: string;
}

/**
 * Links an incident to an item of another practice (`/incident link INC-7 PRB-4`), or removes the link.
 * Agents only: a link changes what the problem, change or CI shows, and reporting counts it. Without `as:`
 * the link takes the relation the other item's owner names (a problem is the incident's problem; a change
 * caused it), else `related`.
 */
export async function linkIncident(
  ctx: IncidentContext,
  actor: Actor,
  request: { number: number; item: string; relation?: IncidentLinkRelation | undefined; remove: boolean },
): Promise<LinkOutcome> {
  const tickets = requireDirectory(ctx);
  if (!isAgent(actor)) {
    throw new ForbiddenError("Only agents can link incidents. Ask the service desk to add the link.");
  }
  const to = parseItem(tickets, request.item);
  const from: ItemRef = { kind: INCIDENT_PREFIX, key: String(request.number) };
  const incident = await findIncident(ctx.db, request.number);
  const other = await tickets.require(ctx.db, to, request.item.trim());
  const relation = request.relation ?? tickets.owner(to.kind)?.linkedAs ?? "related";
  const at = ctx.clock.now();
  await ctx.db.$transaction(
    (tx) =>
      request.remove
        ? unlinkItems(tx, tickets, { from, to, actor, at })
        : linkItems(tx, tickets, { from, to, relation, actor, at }),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return { incident: incident.ref, other, relation: relationLabels[relation].out };
}

function requireDirectory(ctx: IncidentContext): TicketDirectory {
  if (!ctx.tickets) throw new Error("incident links need the ticket directory (createPractices provides it)");
  return ctx.tickets;
}

function parseItem(tickets: TicketDirectory, typed: string): ItemRef {
  const ref = tickets.parse(typed);
  if (ref) return ref;
  throw new ValidationError(
    `"${clipText(typed.trim(), 40)}" is not something OpsDesk can link. Write a reference like CHG-9 or INC-3.`,
  );
}
