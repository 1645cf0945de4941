import type { Tx } from "../../db/client.js";

export const ticketKinds = ["incident", "change", "request"] as const;
export type TicketKind = (typeof ticketKinds)[number];

export interface TimelineEvent {
  ticketKind: TicketKind;
  ticketId: number;
  at: Date;
  actorId: string;
  /** What happened, e.g. `created`, `acknowledged`, `status_changed`, `note_added`. */
  kind: string;
  visibility?: "public" | "internal";
  /** The fields the change touched, before and after; stored as JSON text. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  body?: string;
}

/** The timeline is append-only: this is the only write the core performs on it. */
export async function appendTimeline(tx: Tx, event: TimelineEvent): Promise<void> {
  await tx.timelineEntry.create({
    data: {
      ticketKind: event.ticketKind,
      ticketId: event.ticketId,
      at: event.at,
      actorId: event.actorId,
      kind: event.kind,
      visibility: event.visibility ?? "public",
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      body: event.body ?? null,
    },
  });
}
