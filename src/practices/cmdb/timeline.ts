import type { Tx } from "../../db/client.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";

/** The kind CIs' entries carry on the shared timeline. */
export const CI_TIMELINE = "ci";

/** One change to a CI on its timeline: who, when, what, before and after (ITIL: an auditable CMS). */
export async function recordCiChange(
  tx: Tx,
  entry: {
    ciId: number;
    at: Date;
    actorId: string;
    kind: string;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    body?: string;
  },
): Promise<void> {
  await appendTimeline(tx, {
    ticketKind: CI_TIMELINE,
    ticketId: entry.ciId,
    at: entry.at,
    actorId: entry.actorId,
    kind: entry.kind,
    ...(entry.before ? { before: entry.before } : {}),
    ...(entry.after ? { after: entry.after } : {}),
    ...(entry.body ? { body: entry.body } : {}),
  });
}

export type { Actor };

/** A relationship changes both ends: each CI's timeline records it (the other end reads it as used by, hosts). */
export async function recordOnBoth(
  tx: Tx,
  ids: { fromId: number; toId: number },
  entry: Omit<Parameters<typeof recordCiChange>[1], "ciId">,
): Promise<void> {
  await recordCiChange(tx, { ...entry, ciId: ids.fromId });
  await recordCiChange(tx, { ...entry, ciId: ids.toId });
}
