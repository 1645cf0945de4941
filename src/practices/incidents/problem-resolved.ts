import type { OpsdeskConfig } from "../../config/types.js";
import type { Tx } from "../../db/client.js";
import { InvalidTransitionError } from "../../kernel/errors.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketEvent } from "../../kernel/tickets/events.js";
import { linksOf } from "../../kernel/tickets/links.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import type { Card } from "../../kernel/views/card.js";
import { postText } from "../../kernel/views/post-text.js";
import type { ThreadLineBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { DirectMessageBody } from "../../outbox/message-payload.js";
import type { IncidentContext } from "./context.js";
import type { IncidentActionInput } from "./inputs.js";
import { openStatuses } from "./lifecycle.js";
import { INCIDENT_PREFIX, incidentRef } from "./model.js";
import { incidentChannel } from "./posts.js";
import { incidentActionId } from "./views/actions.js";

/**
 * The item an incident has as its `problem` (linked `/incident link INC-7 PRB-4`) was resolved: each such
 * incident still open gets a line in its card's thread, and its reporter and assignee a direct message with
 * "Resolve as fixed by PRB-4" (ITIL 4: incidents caused by a resolved problem are resolved with it, by the
 * people who can confirm it is fixed for them). Whoever owns the problem kind publishes `resolved`
 * (src/practices/problems/events-hook.ts); the incident knows it only through the link, never its tables.
 * Posted under keys naming the incident and the problem, so a replay posts nothing twice.
 */
export async function onLinkedProblemResolved(
  tx: Tx,
  event: TicketEvent,
  options: { config: OpsdeskConfig; platforms: readonly Platform[] },
): Promise<void> {
  if (event.type !== "resolved" || event.ref.kind === INCIDENT_PREFIX) return;
  const links = await tx.ticketLink.findMany({
    where: { toKind: event.ref.kind, toKey: event.ref.key, fromKind: INCIDENT_PREFIX, relation: "problem" },
  });
  const problem = `${event.ref.kind}-${event.ref.key}`;
  const note = typeof event.data?.resolutionNote === "string" ? event.data.resolutionNote : "";
  for (const link of links) {
    const incident = await tx.incident.findUnique({
      where: { number: Number(link.fromKey) },
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        serviceId: true,
        reporterId: true,
        assigneeId: true,
      },
    });
    if (!incident || !openStatuses.includes(incident.status as (typeof openStatuses)[number])) continue;
    const ref = incidentRef(incident.number);
    await appendTimeline(tx, {
      ticketKind: "incident",
      ticketId: incident.id,
      at: event.at,
      actorId: event.actorId,
      kind: "problem_resolved",
      after: { problem },
      body: note,
    });
    const line = postText`${problem} is resolved${note ? postText`: ${note}.` : postText`.`} If ${ref} is fixed too, resolve it as fixed by ${problem}.`;
    const card: Card = {
      type: "card",
      title: `${ref} · ${incident.title}`,
      fields: [],
      actions: [
        {
          id: incidentActionId("resolve_fixed_by_problem"),
          label: `Resolve as fixed by ${problem}`,
          style: "primary",
          value: ref,
        },
      ],
      links: [],
    };
    const people = [
      ...new Set([incident.reporterId, incident.assigneeId].filter((id): id is string => id !== null)),
    ];
    for (const platform of options.platforms) {
      const key = `incident:${incident.id}:problem:${problem}:resolved:${platform}`;
      const channelId = incidentChannel(options.config, platform, incident.serviceId ?? undefined);
      if (channelId) {
        const body: ThreadLineBody = { text: line };
        await enqueueOutbox(tx, {
          idempotencyKey: `${key}:line`,
          platform,
          channelId,
          orderingKey: cardOrderingKey("incident", incident.id, platform),
          ref: { ticketKind: "incident", ticketId: incident.id, purpose: "card" },
          kind: "thread_reply",
          body,
          at: event.at,
        });
      }
      const identities = await tx.identity.findMany({ where: { platform, personId: { in: people } } });
      for (const identity of identities) {
        const body: DirectMessageBody = { text: line, card };
        await enqueueOutbox(tx, {
          idempotencyKey: `${key}:dm:${identity.personId}`,
          platform,
          channelId: identity.externalId,
          orderingKey: `dm:${platform}:${identity.externalId}`,
          kind: "direct_message",
          body,
          at: event.at,
        });
      }
    }
  }
}

/** "Resolve as fixed by PRB-4", pressed: the note names the resolved problem, read from the links now. */
export async function fixedByProblemInput(
  ctx: IncidentContext,
  number: number,
): Promise<IncidentActionInput> {
  const resolved: string[] = [];
  for (const link of await linksOf(ctx.db, { kind: INCIDENT_PREFIX, key: String(number) })) {
    if (link.relation !== "problem" || link.direction !== "out") continue;
    const summary = await ctx.tickets?.find(ctx.db, link.other);
    if (summary && !summary.open) resolved.push(summary.label);
  }
  if (resolved.length === 0)
    throw new InvalidTransitionError(
      `${incidentRef(number)} has no resolved problem any more. Resolve it with /incident resolve if it is fixed.`,
    );
  return { type: "resolve", code: "fixed", note: `Fixed by ${resolved.join(", ")}.` };
}
