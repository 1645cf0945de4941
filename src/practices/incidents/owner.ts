import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import type { LinkChange, TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemSummary, RecentItem } from "../../kernel/tickets/item-ref.js";
import { itemLine } from "../../kernel/tickets/link-fields.js";
import { relationLabels } from "../../kernel/tickets/links.js";
import { matchTickets, suggestionWindow } from "../../kernel/tickets/suggest.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { type IncidentContext, runChangeHooks } from "./context.js";
import { findIncident } from "./find-incident.js";
import { INCIDENT_PREFIX, type IncidentStatus, incidentRef } from "./model.js";
import { incidentInclude, toSnapshot } from "./snapshot.js";
import { statusLabels } from "./views/labels.js";

const openStatuses: readonly IncidentStatus[] = ["new", "in_progress", "on_hold"];

/**
 * Incidents as other practices see them through the ticket directory: found by number, shown on their cards,
 * and told when one of their items is linked to an incident (the incident's card and thread show it).
 */
export function incidentOwner(ctx: IncidentContext): TicketOwner {
  return {
    prefix: INCIDENT_PREFIX,
    suggest: (typed) => suggestOpenIncidents(ctx.db, typed),
    find: findSummary,
    linked: (tx, key, change) => recordLink(ctx, tx, Number(key), change),
    recent: recentIncidents,
  };
}

/** Incidents raised since `since`, oldest first, with their service and category. */
async function recentIncidents(db: Db | Tx, since: Date): Promise<RecentItem[]> {
  const rows = await db.incident.findMany({
    where: { createdAt: { gte: since } },
    orderBy: { number: "asc" },
    select: { number: true, title: true, status: true, serviceId: true, category: true, createdAt: true },
  });
  return rows.map((row) => {
    const status = row.status as IncidentStatus;
    return {
      ref: { kind: INCIDENT_PREFIX, key: String(row.number) },
      label: incidentRef(row.number),
      title: row.title,
      status: statusLabels[status],
      open: openStatuses.includes(status),
      serviceId: row.serviceId,
      createdAt: row.createdAt,
      category: row.category,
    };
  });
}

async function findSummary(db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.incident.findUnique({
    where: { number },
    select: { number: true, title: true, status: true, serviceId: true },
  });
  if (!row) return undefined;
  const status = row.status as IncidentStatus;
  return {
    ref: { kind: INCIDENT_PREFIX, key: String(row.number) },
    label: incidentRef(row.number),
    title: row.title,
    status: statusLabels[status],
    open: openStatuses.includes(status),
    serviceId: row.serviceId,
  };
}

/**
 * A link is a change of the incident like any other: a new version, a timeline entry, the card updated in
 * place and a thread line, all in the linking transaction. The version write is unconditional: it runs
 * inside the other practice's transaction, and an incident action racing it loses on the version and is
 * decided again (src/kernel/tickets/write-on-version.ts).
 */
async function recordLink(ctx: IncidentContext, tx: Tx, number: number, change: LinkChange): Promise<void> {
  const previous = await findIncident(tx, number);
  const kind = change.added ? "linked" : "unlinked";
  const label = relationLabels[change.link.relation][change.link.direction];
  const body = `${label}: ${itemLine(change.other)}`;
  await tx.incident.update({
    where: { id: previous.id },
    data: { updatedAt: change.at, version: { increment: 1 } },
  });
  await appendTimeline(tx, {
    ticketKind: "incident",
    ticketId: previous.id,
    at: change.at,
    actorId: change.actor.person.id,
    kind,
    after: { relation: change.link.relation, item: change.other.label },
    body,
  });
  const incident = toSnapshot(
    await tx.incident.findUniqueOrThrow({ where: { id: previous.id }, include: incidentInclude }),
  );
  await runChangeHooks(ctx, tx, {
    kind,
    incident,
    previous,
    actor: change.actor,
    visibility: "public",
    body,
  });
}

/** Open incidents whose number starts with, or title contains, what was typed; newest first. */
async function suggestOpenIncidents(db: Db, typed: string): Promise<CompletionValue[]> {
  const rows = await db.incident.findMany({
    where: { status: { in: [...openStatuses] } },
    orderBy: { number: "desc" },
    take: suggestionWindow,
    select: { number: true, title: true },
  });
  return matchTickets(INCIDENT_PREFIX, typed, rows);
}
