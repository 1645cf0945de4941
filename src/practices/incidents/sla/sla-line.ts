import type { Tx } from "../../../db/client.js";
import { currentClocks, incidentClockFigures } from "./read-clocks.js";
import type { SlaRuntime } from "./runtime.js";
import { slaLineText } from "./views/text.js";

/** The card's SLA line for an incident as of `at`; undefined when it has no clocks. */
export async function slaLine(
  tx: Tx,
  runtime: SlaRuntime,
  incidentId: number,
  at: Date,
): Promise<string | undefined> {
  const clocks = currentClocks(await incidentClockFigures(tx, runtime, incidentId, at.getTime()));
  return clocks.length === 0 ? undefined : slaLineText(clocks);
}
