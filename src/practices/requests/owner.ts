import type { OpsdeskConfig } from "../../config/types.js";
import type { Db, Tx } from "../../db/client.js";
import type { CompletionValue } from "../../kernel/commands/complete-line.js";
import type { TicketOwner, TicketSlaClocks } from "../../kernel/tickets/directory.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { matchTickets, suggestionWindow } from "../../kernel/tickets/suggest.js";
import { openRequestStatuses, REQUEST_PREFIX, type RequestStatus } from "./model.js";
import { requestClockFigures, requestClockLabels } from "./sla/read-clocks.js";
import { requestStatusLabels } from "./views/labels.js";

/**
 * Service requests as other practices see them through the ticket directory: found by number, shown on
 * their cards, and their SLA clocks read by /sla show (a request is not yet told about links; its card
 * does not show them).
 */
export function requestOwner(db: Db, config: OpsdeskConfig): TicketOwner {
  return {
    prefix: REQUEST_PREFIX,
    suggest: (typed) => suggestRequests(db, typed),
    find: findSummary,
    slaClocks: (reader, key, now) => requestSlaClocks(reader, config, key, now),
  };
}

/** `/sla show REQ-4`: the request's clocks, read through the ticket directory by the /sla command. */
async function requestSlaClocks(
  db: Db | Tx,
  config: OpsdeskConfig,
  key: string,
  now: Date,
): Promise<TicketSlaClocks | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.serviceRequest.findUnique({
    where: { number },
    select: { id: true, itemId: true, itemName: true, status: true },
  });
  if (!row) return undefined;
  const ref = `${REQUEST_PREFIX}-${number}`;
  return {
    title: `${ref} · ${row.itemName}`,
    subtitle: requestStatusLabels[row.status as RequestStatus],
    labels: requestClockLabels,
    clocks: await requestClockFigures(db, config, row.id, now.getTime()),
    none: `${ref} has no SLA clocks: its catalog item (${row.itemId}) had no sla when it was requested.`,
  };
}

async function findSummary(db: Db | Tx, key: string): Promise<ItemSummary | undefined> {
  const number = Number(key);
  if (!Number.isSafeInteger(number)) return undefined;
  const row = await db.serviceRequest.findUnique({
    where: { number },
    select: { number: true, itemName: true, status: true },
  });
  if (!row) return undefined;
  const status = row.status as RequestStatus;
  return {
    ref: { kind: REQUEST_PREFIX, key: String(row.number) },
    label: `${REQUEST_PREFIX}-${row.number}`,
    title: row.itemName,
    status: requestStatusLabels[status],
    open: openRequestStatuses.includes(status),
  };
}

async function suggestRequests(db: Db, typed: string): Promise<CompletionValue[]> {
  const rows = await db.serviceRequest.findMany({
    orderBy: { number: "desc" },
    take: suggestionWindow,
    select: { number: true, itemName: true },
  });
  return matchTickets(
    REQUEST_PREFIX,
    typed,
    rows.map((r) => ({ number: r.number, title: r.itemName })),
  );
}
