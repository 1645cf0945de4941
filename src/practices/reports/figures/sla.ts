import type { ChartSpec } from "../charts/chart-spec.js";
import { formatValue } from "../charts/describe.js";
import type { ReportWindow } from "../period.js";
import { prioritiesIn, type ReportOutput } from "./report.js";
import { share } from "./share.js";

export interface Judged {
  met: number;
  breached: number;
}

export interface SlaFigures {
  /** Per clock kind (response, resolution), per priority. */
  readonly byPriority: ReadonlyMap<string, Readonly<Record<"response" | "resolution", Judged>>>;
  /** Per week (raised), per clock kind, per priority. */
  readonly weekly: readonly ReadonlyMap<string, Readonly<Record<"response" | "resolution", Judged>>>[];
  /** How many incidents have a breached clock. */
  readonly breachedCount: number;
  /** The most recently raised of them, INC numbers, most recent first. */
  readonly recentBreaches: readonly number[];
  /** Services by breached clocks, most first. */
  readonly services: readonly { serviceId: string; breached: number; judged: number }[];
}

function compliance(j: Judged | undefined): number | null {
  return j ? share(j.met, j.met + j.breached) : null;
}

export function slaReport(title: string, f: SlaFigures, window: ReportWindow): ReportOutput {
  const priorities = prioritiesIn(f.byPriority.keys());
  const categories = window.weeks.map((week) => week.label);
  const chart = (kind: "response" | "resolution"): ChartSpec => ({
    title: `${kind === "response" ? "Response" : "Resolution"} SLA met per week, by priority`,
    kind: "line",
    categories,
    series: (priorities.length > 0 ? priorities : ["All"]).map((priority) => ({
      name: priority,
      values: f.weekly.map((week) => compliance(week.get(priority)?.[kind])),
    })),
    unit: "%",
  });
  const line = (priority: string) => {
    const entry = f.byPriority.get(priority);
    const part = (kind: "response" | "resolution") => {
      const j = entry?.[kind];
      return `${kind} ${formatValue(compliance(j), "%")} (${j?.met ?? 0} met, ${j?.breached ?? 0} breached)`;
    };
    return `${priority}: ${part("response")}; ${part("resolution")}`;
  };
  const shown = f.recentBreaches.map((n) => `INC-${n}`);
  const more = f.breachedCount - shown.length;
  return {
    title,
    lines: [
      ...(priorities.length > 0 ? priorities.map(line) : ["No SLA clock was judged in this period."]),
      `Incidents with a breach: ${f.breachedCount}${shown.length > 0 ? ` (${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""})` : ""}`,
      `Worst services: ${
        f.services.length > 0
          ? f.services
              .slice(0, 3)
              .map((s) => `${s.serviceId} ${s.breached} of ${s.judged} clocks breached`)
              .join("; ")
          : "none breached"
      }`,
    ],
    charts: [chart("response"), chart("resolution")],
  };
}
