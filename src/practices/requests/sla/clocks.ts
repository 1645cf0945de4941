import type { RequestSla } from "../../../config/request-settings.js";
import type { Tx } from "../../../db/client.js";
import type { BusinessCalendar } from "../../../kernel/sla/business-calendar.js";
import {
  pauseClock,
  resumeClock,
  type SlaClockState,
  type StopReason,
  startClock,
  stopClock,
} from "../../../kernel/sla/clock/index.js";
import { defaultSlaThresholds, type SlaClockKind, slaClockKinds } from "../../../kernel/sla/policy.js";
import { stateColumns, toState } from "../../../kernel/sla/store/index.js";
import type { RequestContext } from "../context.js";
import { fulfilmentStarted } from "../lifecycle.js";
import type { RequestSnapshot } from "../model.js";
import { requestCalendars } from "./calendars.js";

/** What a request clock keeps of its item's SLA, so a later catalog change never rewrites it. */
export interface RequestClockPolicy {
  readonly targetText: string;
}

type Wanted = { type: "run" } | { type: "pause" } | { type: "stop"; reason: StopReason };

/**
 * What each clock should be for the request as it is now. The response clock runs until someone acts on
 * the request (an approver decides or asks a question, a task is taken); the fulfilment clock (the engine's
 * `resolution` kind) until it is fulfilled, rejected or cancelled. Waiting for the requester's answer
 * pauses it: the time is theirs, as an incident on hold awaiting its caller (ITIL 4 service request
 * management measures the provider's part only).
 */
function wantedFor(request: RequestSnapshot, kind: SlaClockKind): Wanted {
  const { status } = request;
  if (kind === "response") {
    if (status === "cancelled") return { type: "stop", reason: "cancelled" };
    const acted =
      status !== "awaiting_approval" && status !== "in_fulfilment"
        ? true
        : request.approvers.some((approver) => approver.decision !== null) || fulfilmentStarted(request);
    return acted ? { type: "stop", reason: "responded" } : { type: "run" };
  }
  if (status === "fulfilled") return { type: "stop", reason: "resolved" };
  if (status === "rejected" || status === "cancelled") return { type: "stop", reason: "cancelled" };
  return status === "awaiting_info" ? { type: "pause" } : { type: "run" };
}

/**
 * Keeps a request's SLA clocks in step with it, inside the transaction of every change (before its card is
 * drawn). Clocks start with the request when its item has an `sla`; a stopped clock stays stopped, except
 * that a reopened request starts a new fulfilment cycle. Writes are conditional on the row's version, as
 * the incident clocks' are: a sweep that advanced the clock meanwhile makes the step run again on its row.
 */
export async function syncRequestClocks(
  tx: Tx,
  ctx: RequestContext,
  request: RequestSnapshot,
  created: boolean,
): Promise<void> {
  const item = ctx.config.requests.items.find((candidate) => candidate.id === request.itemId);
  const now = request.updatedAt.getTime();
  const calendars = requestCalendars(ctx.config);
  if (created) {
    if (item?.sla === undefined) return;
    for (const kind of slaClockKinds) await startRequestClock(tx, ctx, request, item.sla, kind, 1, now);
    return;
  }
  for (const kind of slaClockKinds) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await tx.requestSlaClock.findFirst({
        where: { requestId: request.id, kind },
        orderBy: { cycle: "desc" },
      });
      if (row === null) break;
      const wanted = wantedFor(request, kind);
      if (row.stoppedAt !== null) {
        // Reopened: fulfilment is measured again, from now, against the item's target as it is today.
        if (kind === "resolution" && row.stopReason === "resolved" && wanted.type !== "stop" && item?.sla)
          await startRequestClock(tx, ctx, request, item.sla, kind, row.cycle + 1, now);
        break;
      }
      const calendar = calendars(row.calendarId);
      const before = toState(row);
      const after = stepTo(calendar, before, wanted, now);
      if (after === before) break;
      const { count } = await tx.requestSlaClock.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...stateColumns(calendar, after, now), version: { increment: 1 } },
      });
      if (count === 1) break;
      if (attempt === 4)
        throw new Error(`SLA clock ${kind} of request ${request.ref} kept changing under the update`);
    }
  }
}

function stepTo(
  calendar: BusinessCalendar,
  state: SlaClockState,
  wanted: Wanted,
  now: number,
): SlaClockState {
  switch (wanted.type) {
    case "stop":
      return stopClock(calendar, state, now, wanted.reason);
    case "pause":
      return pauseClock(state, now);
    case "run":
      return resumeClock(state, now);
  }
}

async function startRequestClock(
  tx: Tx,
  ctx: RequestContext,
  request: RequestSnapshot,
  sla: RequestSla,
  kind: SlaClockKind,
  cycle: number,
  now: number,
): Promise<void> {
  const target = kind === "response" ? sla.response : sla.fulfilment;
  const thresholds = sla.thresholds ?? defaultSlaThresholds;
  const calendar = requestCalendars(ctx.config)(sla.calendar);
  const state = startClock(kind, cycle, { targetMs: target.ms, thresholds }, now);
  const policy: RequestClockPolicy = { targetText: target.text };
  await tx.requestSlaClock.create({
    data: {
      requestId: request.id,
      kind,
      cycle,
      calendarId: sla.calendar,
      policy: JSON.stringify(policy),
      startedAt: new Date(now),
      ...stateColumns(calendar, state, now),
    },
  });
}
