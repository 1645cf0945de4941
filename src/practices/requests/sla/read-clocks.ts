import type { OpsdeskConfig } from "../../../config/types.js";
import type { Db, Tx } from "../../../db/client.js";
import { clockFigures, type SlaClockFigures } from "../../../kernel/sla/clock/index.js";
import type { SlaClockKind } from "../../../kernel/sla/policy.js";
import { type StoredClock, toState } from "../../../kernel/sla/store/index.js";
import { requestCalendars } from "./calendars.js";
import type { RequestClockPolicy } from "./clocks.js";

/** A request's two clocks as people call them: the engine's resolution clock measures fulfilment. */
export const requestClockLabels: Readonly<Record<SlaClockKind, string>> = {
  response: "Response",
  resolution: "Fulfilment",
};

export function requestFiguresOf(config: OpsdeskConfig, row: StoredClock, now: number): SlaClockFigures {
  const policy = JSON.parse(row.policy) as RequestClockPolicy;
  return clockFigures(requestCalendars(config)(row.calendarId), toState(row), now, {
    targetText: policy.targetText,
    calendarId: row.calendarId,
  });
}

/** Every clock of a request, past cycles included, response first, oldest cycle first. */
export async function requestClockFigures(
  db: Db | Tx,
  config: OpsdeskConfig,
  requestId: number,
  now: number,
): Promise<SlaClockFigures[]> {
  const rows = await db.requestSlaClock.findMany({
    where: { requestId },
    orderBy: [{ kind: "desc" }, { cycle: "asc" }],
  });
  return rows.map((row) => requestFiguresOf(config, row, now));
}
