import type { Db, Tx } from "../../../db/client.js";
import type { DueAlert } from "../../../kernel/sla/clock/index.js";
import {
  type SlaClockTable,
  type StateColumns,
  type SweepResult,
  sweepSlaClocks,
} from "../../../kernel/sla/store/index.js";
import type { Logger } from "../../../log.js";
import { enqueueSlaAlert } from "../../../outbox/sla-alert.js";
import { requestChannel } from "../channels.js";
import type { RequestContext } from "../context.js";
import type { RequestSnapshot } from "../model.js";
import { cardOf, namesFor } from "../posts.js";
import { findRequestById } from "../snapshot.js";
import { requestSlaAlertCard, requestSlaHeadline } from "./alert-card.js";
import { requestCalendars } from "./calendars.js";
import { requestClockFigures, requestFiguresOf } from "./read-clocks.js";

type RequestClockRow = Awaited<ReturnType<Db["requestSlaClock"]["findMany"]>>[number];

export interface RequestSlaSweepDeps extends RequestContext {
  log: Pick<Logger, "info" | "error">;
  /** Clocks read per query and handled at once, as for the incidents' sweep. */
  batchSize?: number;
  concurrency?: number;
}

/**
 * One sweep of the requests' SLA clocks (src/kernel/sla/store/sweep.ts says how it stays exactly-once):
 * each alert recorded in RequestSlaAlert is posted in the SLA alert channel, on the request's card, and
 * privately to whoever the request waits on; a breach mentions them and tells the leads of the groups
 * whose tasks are open. The scheduler runs it every `sla.sweepInterval`.
 */
export function runRequestSlaSweep(deps: RequestSlaSweepDeps): Promise<SweepResult> {
  return sweepSlaClocks(requestClockTable(deps), {
    ...deps,
    onCommitted: () => deps.onCommitted?.(),
  });
}

function requestClockTable(ctx: RequestContext): SlaClockTable<RequestClockRow> {
  return {
    calendar: requestCalendars(ctx.config),
    due: (db, now, skip, take) =>
      db.requestSlaClock.findMany({
        where: { nextAlertAt: { lte: now }, ...(skip.length > 0 ? { id: { notIn: [...skip] } } : {}) },
        orderBy: { nextAlertAt: "asc" },
        take,
      }),
    async claim(tx, row, columns) {
      const { count } = await tx.requestSlaClock.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...columns, version: { increment: 1 } },
      });
      return count === 1;
    },
    async record(tx, row, alert, now) {
      const recorded = await tx.$executeRaw`
        INSERT INTO "RequestSlaAlert" ("clockId", "cycle", "kind", "threshold", "firedAt", "dueAt")
        VALUES (${row.id}, ${row.cycle}, ${alert.breach ? "breach" : "warning"}, ${alert.percent}, ${now}, ${new Date(alert.reachedAt)})
        ON CONFLICT ("clockId", "cycle", "threshold") DO NOTHING`;
      return recorded === 1;
    },
    announce: (tx, row, columns, alerts, now) => announce(tx, ctx, row, columns, alerts, now),
  };
}

/** The people a request waits on now: the current stage's undecided approvers, or the takers of its tasks. */
function holdersOf(request: RequestSnapshot): { personIds: string[]; waitingOn: string[]; groups: string[] } {
  if (request.status === "awaiting_approval") {
    const pending = request.approvers.filter((a) => a.stage === request.stage && a.decision === null);
    return {
      personIds: pending.map((a) => a.person.id),
      waitingOn: pending.map((a) => a.person.displayName),
      groups: [],
    };
  }
  const open = request.tasks.filter(
    (t) => t.status === "open" || t.status === "taken" || t.status === "blocked",
  );
  const taken = open.filter((t) => t.assignee !== null);
  return {
    personIds: taken.map((t) => t.assignee?.id ?? ""),
    waitingOn: open.map((t) => `${t.title} (${t.assignee?.displayName ?? t.groupId})`),
    groups: [...new Set(open.map((t) => t.groupId))],
  };
}

async function announce(
  tx: Tx,
  ctx: RequestContext,
  row: RequestClockRow,
  columns: StateColumns,
  alerts: readonly DueAlert[],
  now: Date,
): Promise<void> {
  const request = await findRequestById(tx, row.requestId);
  const clock = requestFiguresOf(ctx.config, { ...row, ...columns }, now.getTime());
  const clocks = await requestClockFigures(tx, ctx.config, request.id, now.getTime());
  const card = cardOf(ctx, request, await namesFor(tx, ctx, request), clocks);
  const holders = holdersOf(request);
  const leads = ctx.config.groups.flatMap((group) =>
    holders.groups.includes(group.id) && group.lead !== undefined ? [group.lead] : [],
  );
  const timezone = requestCalendars(ctx.config)(row.calendarId).timezone;
  for (const alert of alerts) {
    const key = `request-sla:${row.id}:c${row.cycle}:${alert.percent}`;
    const input = {
      request,
      clock,
      percent: alert.percent,
      breach: alert.breach,
      waitingOn: holders.waitingOn,
      timezone,
    };
    const alertCard = requestSlaAlertCard(input);
    const headline = requestSlaHeadline(input);
    for (const platform of ctx.platforms) {
      const cardChannel = requestChannel(ctx.config, platform);
      const told = [...holders.personIds, ...(alert.breach ? leads : [])];
      const identities = await tx.identity.findMany({ where: { platform, personId: { in: told } } });
      const userOf = (personId: string) => identities.find((i) => i.personId === personId)?.externalId;
      const people = told.map((personId) => ({ role: personId, userId: userOf(personId) }));
      const mentions = alert.breach ? people.flatMap((p) => (p.userId === undefined ? [] : [p.userId])) : [];
      await enqueueSlaAlert(tx, {
        key,
        platform,
        alert: { card: alertCard, mentions: [...new Set(mentions)], headline },
        channels: [{ role: "channel", channelId: ctx.config.channels.slaAlerts[platform] }],
        ...(cardChannel
          ? { card: { channelId: cardChannel, ticketKind: "request", ticketId: request.id, body: { card } } }
          : {}),
        people,
        at: now,
      });
    }
  }
}
