import type { ChartSpec } from "../charts/chart-spec.js";
import { formatValue } from "../charts/describe.js";
import type { ReportWindow } from "../period.js";
import { prioritiesIn, type ReportOutput } from "./report.js";

/** Nearest-rank percentiles (see percentile.ts), computed by the database in sources/incident-tallies.ts. */
export interface DurationFigures {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
}

export interface IncidentFigures {
  readonly total: number;
  readonly byPriority: ReadonlyMap<string, number>;
  readonly byService: ReadonlyMap<string, number>;
  /** Per week (by the day each incident was raised), per priority. */
  readonly weekly: readonly ReadonlyMap<string, number>[];
  /** Time to acknowledge, in minutes (MTTA), over the incidents acknowledged so far. */
  readonly acknowledge: DurationFigures;
  /** Time to resolve, in hours (MTTR), over the incidents resolved so far. */
  readonly resolve: DurationFigures;
  readonly weeklyAcknowledge: readonly DurationFigures[];
  readonly weeklyResolve: readonly DurationFigures[];
}

export function incidentsReport(title: string, f: IncidentFigures, window: ReportWindow): ReportOutput {
  const categories = window.weeks.map((week) => week.label);
  const priorities = prioritiesIn(f.byPriority.keys());
  const volume: ChartSpec = {
    title: "Incidents raised per week, by priority",
    kind: "stacked",
    categories,
    series: (priorities.length > 0 ? priorities : ["Incidents"]).map((priority) => ({
      name: priority,
      values: f.weekly.map((week) => week.get(priority) ?? 0),
    })),
    unit: "",
  };
  const trend = (name: string, weekly: readonly DurationFigures[], unit: string): ChartSpec => ({
    title: name,
    kind: "line",
    categories,
    series: [
      { name: "p50", values: weekly.map((w) => w.p50) },
      { name: "p90", values: weekly.map((w) => w.p90) },
    ],
    unit,
  });
  const services = [...f.byService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    title,
    lines: [
      `Incidents raised: ${f.total}${priorities.length > 0 ? ` (${priorities.map((p) => `${p} ${f.byPriority.get(p)}`).join(", ")})` : ""}`,
      `By service: ${services.length > 0 ? services.map(([id, n]) => `${id} ${n}`).join(", ") : "none"}`,
      `Time to acknowledge: p50 ${formatValue(f.acknowledge.p50, "m")}, p90 ${formatValue(f.acknowledge.p90, "m")} (${f.acknowledge.count} acknowledged)`,
      `Time to resolve: p50 ${formatValue(f.resolve.p50, "h")}, p90 ${formatValue(f.resolve.p90, "h")} (${f.resolve.count} resolved)`,
    ],
    charts: [
      volume,
      trend("Time to acknowledge per week, minutes (p50, p90)", f.weeklyAcknowledge, "m"),
      trend("Time to resolve per week, hours (p50, p90)", f.weeklyResolve, "h"),
    ],
  };
}
