import type { Tx } from "../../db/client.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { ASSET_TIMELINE } from "./model.js";

/** One event in an asset's life on its timeline: who, when, before and after. */
export async function recordAssetChange(
  tx: Tx,
  entry: {
    assetId: number;
    at: Date;
    actorId: string;
    kind: string;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    body?: string;
  },
): Promise<void> {
  await appendTimeline(tx, {
    ticketKind: ASSET_TIMELINE,
    ticketId: entry.assetId,
    at: entry.at,
    actorId: entry.actorId,
    kind: entry.kind,
    ...(entry.before ? { before: entry.before } : {}),
    ...(entry.after ? { after: entry.after } : {}),
    ...(entry.body ? { body: entry.body } : {}),
  });
}
