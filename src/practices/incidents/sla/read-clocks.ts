import type { Db, Tx } from "../../../db/client.js";
import { clockFigures, type SlaClockFigures } from "../../../kernel/sla/clock/index.js";
import { toState } from "../../../kernel/sla/store/index.js";
import { readPolicySnapshot, type SlaClockRow } from "./clock-row.js";
import type { SlaRuntime } from "./runtime.js";

export function figuresOf(runtime: SlaRuntime, row: SlaClockRow, now: number): SlaClockFigures {
  const snapshot = readPolicySnapshot(row);
  return clockFigures(runtime.calendar(row.calendarId), toState(row), now, {
    targetText: snapshot.targetText,
    calendarId: row.calendarId,
    // A first cycle recorded before rules were kept can only have started with the incident.
    rule: snapshot.rule ?? (row.cycle === 1 ? { kind: "started" } : undefined),
  });
}

/** Every clock of an incident, past cycles included, response first then resolution, oldest cycle first. */
export async function incidentClockFigures(
  db: Db | Tx,
  runtime: SlaRuntime,
  incidentId: number,
  now: number,
): Promise<SlaClockFigures[]> {
  const rows = await db.slaClock.findMany({
    where: { incidentId },
    orderBy: [{ kind: "desc" }, { cycle: "asc" }],
  });
  return rows.map((row) => figuresOf(runtime, row, now));
}

/** The current cycle of each clock, response first: what the card's SLA line shows. */
export { currentClocks } from "../../../kernel/sla/clock/figures.js";
