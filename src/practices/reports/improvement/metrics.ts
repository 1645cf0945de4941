import type { Db } from "../../../db/client.js";
import { changeFigures } from "../figures/changes.js";
import { share } from "../figures/share.js";
import { reportWindow } from "../period.js";
import { changesClosed, changesRequested } from "../sources/changes.js";
import { incidentTallies } from "../sources/incident-tallies.js";
import { openIncidents } from "../sources/incidents.js";
import { changesThatCausedIncidents } from "../sources/links.js";
import { slaTallies } from "../sources/sla-tallies.js";

/** The report metrics an improvement can aim to move, each measured over the 30 days before a moment. */
export const improvementMetrics = {
  "mtta-p50": { label: "Time to acknowledge, p50", unit: "m" },
  "mttr-p50": { label: "Time to resolve, p50", unit: "h" },
  "mttr-p90": { label: "Time to resolve, p90", unit: "h" },
  "response-sla": { label: "Response SLA met", unit: "%" },
  "resolution-sla": { label: "Resolution SLA met", unit: "%" },
  "change-success-rate": { label: "Change success rate", unit: "%" },
  "change-failure-rate": { label: "Change failure rate", unit: "%" },
  "open-incidents": { label: "Open incidents", unit: "" },
} as const;

export type ImprovementMetric = keyof typeof improvementMetrics;
export const improvementMetricIds = Object.keys(improvementMetrics) as [
  ImprovementMetric,
  ...ImprovementMetric[],
];

/**
 * A metric's value now: over the last 30 days (open incidents: at this moment), of one service when given;
 * null when there is nothing to measure (no incident resolved, no clock judged). The same figures as the
 * reports, so a baseline and a review read like `/report`.
 */
export async function measure(
  db: Db,
  metric: ImprovementMetric,
  at: { now: Date; timezone: string },
  serviceId: string | undefined,
): Promise<number | null> {
  if (metric === "open-incidents") return (await openIncidents(db, serviceId)).length;
  const window = reportWindow({ period: "30d" }, at.now, at.timezone);
  switch (metric) {
    case "mtta-p50":
    case "mttr-p50":
    case "mttr-p90": {
      const f = await incidentTallies(db, window, serviceId);
      return metric === "mtta-p50"
        ? f.acknowledge.p50
        : metric === "mttr-p50"
          ? f.resolve.p50
          : f.resolve.p90;
    }
    case "response-sla":
    case "resolution-sla": {
      const kind = metric === "response-sla" ? "response" : "resolution";
      const f = await slaTallies(db, window, serviceId, at.now);
      let met = 0;
      let breached = 0;
      for (const entry of f.byPriority.values()) {
        met += entry[kind].met;
        breached += entry[kind].breached;
      }
      return share(met, met + breached);
    }
    case "change-success-rate":
    case "change-failure-rate": {
      const closed = await changesClosed(db, window, serviceId);
      const caused = await changesThatCausedIncidents(
        db,
        closed.map((row) => row.number),
      );
      const all = changeFigures(
        await changesRequested(db, window, serviceId),
        closed,
        caused,
        window,
      ).outcomes.get("all");
      if (!all) return null;
      return share(metric === "change-success-rate" ? all.successful : all.causedIncident, all.closed);
    }
  }
}
