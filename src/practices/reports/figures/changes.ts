import type { ChartSpec } from "../charts/chart-spec.js";
import { formatValue } from "../charts/describe.js";
import { type ReportWindow, weekIndex } from "../period.js";
import type { ChangeRow } from "../sources/changes.js";
import { countBy, type ReportOutput } from "./report.js";
import { share } from "./share.js";

const types = ["normal", "standard", "emergency"];

export interface ChangeFigures {
  readonly requested: number;
  readonly weekly: readonly ReadonlyMap<string, number>[];
  /** Per type and `all`: closed in the window, closed successful, and closed that caused an incident. */
  readonly outcomes: ReadonlyMap<string, { closed: number; successful: number; causedIncident: number }>;
}

/**
 * Success rate: closed changes whose closure code is `successful`. Change failure rate (DORA; ITIL 4's
 * change enablement "changes that cause incidents"): closed changes that at least one incident is linked to
 * as `caused_by`, over closed changes. Counted from the links people recorded, so a change is never blamed
 * for an incident that merely happened at the same time.
 */
export function changeFigures(
  requested: readonly ChangeRow[],
  closed: readonly ChangeRow[],
  causedIncidents: ReadonlySet<string>,
  window: ReportWindow,
): ChangeFigures {
  const perWeek = window.weeks.map(() => [] as ChangeRow[]);
  for (const row of requested) perWeek[weekIndex(window, row.createdAt)]?.push(row);
  const outcomes = new Map<string, { closed: number; successful: number; causedIncident: number }>();
  for (const key of [...types, "all"]) outcomes.set(key, { closed: 0, successful: 0, causedIncident: 0 });
  for (const row of closed) {
    for (const key of [row.type, "all"]) {
      const tally = outcomes.get(key) ?? { closed: 0, successful: 0, causedIncident: 0 };
      tally.closed++;
      if (row.closureCode === "successful") tally.successful++;
      if (causedIncidents.has(String(row.number))) tally.causedIncident++;
      outcomes.set(key, tally);
    }
  }
  return { requested: requested.length, weekly: perWeek.map((w) => countBy(w, (row) => row.type)), outcomes };
}

export function changesReport(title: string, f: ChangeFigures, window: ReportWindow): ReportOutput {
  const all = f.outcomes.get("all") ?? { closed: 0, successful: 0, causedIncident: 0 };
  const rates = (key: string) => {
    const o = f.outcomes.get(key) ?? { closed: 0, successful: 0, causedIncident: 0 };
    return { success: share(o.successful, o.closed), failure: share(o.causedIncident, o.closed), ...o };
  };
  const byType = types.map((type) => {
    const r = rates(type);
    return `${type}: ${r.closed} closed, success ${formatValue(r.success, "%")}, failure ${formatValue(r.failure, "%")}`;
  });
  const volume: ChartSpec = {
    title: "Changes requested per week, by type",
    kind: "stacked",
    categories: window.weeks.map((week) => week.label),
    series: types.map((type) => ({ name: type, values: f.weekly.map((week) => week.get(type) ?? 0) })),
    unit: "",
  };
  const outcome: ChartSpec = {
    title: "Closed changes: success rate and change failure rate, by type",
    kind: "bar",
    categories: [...types, "all"],
    series: [
      { name: "Successful", values: [...types, "all"].map((key) => rates(key).success) },
      { name: "Caused an incident", values: [...types, "all"].map((key) => rates(key).failure) },
    ],
    unit: "%",
  };
  return {
    title,
    lines: [
      `Changes requested: ${f.requested}; closed: ${all.closed}`,
      `Success rate: ${formatValue(share(all.successful, all.closed), "%")} (${all.successful} of ${all.closed})`,
      `Change failure rate: ${formatValue(share(all.causedIncident, all.closed), "%")} (${all.causedIncident} of ${all.closed} closed changes have an incident linked as caused by them)`,
      ...byType,
    ],
    charts: [volume, outcome],
  };
}
