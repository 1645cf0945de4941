import type { Db } from "../../db/client.js";
import type { PersonRef } from "../people/actor.js";
import type { TicketKind } from "./timeline-append.js";

export interface TimelineEntryView {
  id: number;
  at: Date;
  actor: PersonRef;
  kind: string;
  visibility: "public" | "internal";
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  body: string | null;
}

/** A ticket's timeline, oldest first; internal entries only when the viewer may see them. */
export async function readTimeline(
  db: Db,
  ticketKind: TicketKind,
  ticketId: number,
  options: { includeInternal: boolean },
): Promise<TimelineEntryView[]> {
  const rows = await db.timelineEntry.findMany({
    where: { ticketKind, ticketId, ...(options.includeInternal ? {} : { visibility: "public" }) },
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, displayName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    visibility: row.visibility === "internal" ? "internal" : "public",
    before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    body: row.body,
  }));
}
