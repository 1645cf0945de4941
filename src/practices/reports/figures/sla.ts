import type { ChartSpec } from "../charts/chart-spec.js";
import { formatValue } from "../charts/describe.js";
import { type ReportWindow, weekIndex } from "../period.js";
import type { ClockRow } from "../sources/incidents.js";
import { share } from "./percentile.js";
import { prioritiesIn, type ReportOutput } from "./report.js";

export interface Judged {
  met: number;
  breached: number;
}

export interface SlaFigures {
  /** Per clock kind (response, resolution), per priority. */
  readonly byPriority: ReadonlyMap<string, Readonly<Record<"response" | "resolution", Judged>>>;
  /** Per week (raised), per clock kind, per priority. */
  readonly weekly: readonly ReadonlyMap<string, Readonly<Record<"response" | "resolution", Judged>>>[];
  /** Incidents with a breached clock, INC numbers, most recent first. */
  readonly breachedIncidents: readonly number[];
  /** Services by breached clocks, most first. */
  readonly services: readonly { serviceId: string; breached: number; judged: number }[];
}

/**
 * The ITIL reading of an SLA clock, as /sla report has it: met when it stopped in time (acknowledged,
 * responded, resolved), breached when it ran past due, whatever happened after; clocks still running in time
 * or cancelled are not judged.
 */
const metReasons = new Set(["acknowledged", "responded", "resolved"]);

function verdict(clock: ClockRow): "met" | "breached" | undefined {
  if (clock.breached) return "breached";
  return clock.stopReason !== null && metReasons.has(clock.stopReason) ? "met" : undefined;
}

type Tally = Map<string, Record<"response" | "resolution", Judged>>;

function add(tally: Tally, clock: ClockRow, outcome: "met" | "breached"): void {
  if (clock.kind !== "response" && clock.kind !== "resolution") return;
  let entry = tally.get(clock.priority);
  if (!entry) {
    entry = { response: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
    tally.set(clock.priority, entry);
  }
  entry[clock.kind][outcome]++;
}

export function slaFigures(clocks: readonly ClockRow[], window: ReportWindow): SlaFigures {
  const byPriority: Tally = new Map();
  const weekly: Tally[] = window.weeks.map(() => new Map());
  const breached = new Map<number, Date>();
  const services = new Map<string, { breached: number; judged: number }>();
  for (const clock of clocks) {
    const outcome = verdict(clock);
    if (!outcome) continue;
    add(byPriority, clock, outcome);
    const week = weekly[weekIndex(window, clock.incidentCreatedAt)];
    if (week) add(week, clock, outcome);
    const service = clock.serviceId ?? "no service";
    const tally = services.get(service) ?? { breached: 0, judged: 0 };
    tally.judged++;
    if (outcome === "breached") {
      tally.breached++;
      breached.set(clock.incidentNumber, clock.incidentCreatedAt);
    }
    services.set(service, tally);
  }
  return {
    byPriority,
    weekly,
    breachedIncidents: [...breached.entries()]
      .sort((a, b) => b[1].getTime() - a[1].getTime() || b[0] - a[0])
      .map(([number]) => number),
    services: [...services.entries()]
      .map(([serviceId, t]) => ({ serviceId, ...t }))
      .filter((s) => s.breached > 0)
      .sort((a, b) => b.breached - a.breached || a.serviceId.localeCompare(b.serviceId)),
  };
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
  const shown = f.breachedIncidents.slice(0, 10).map((n) => `INC-${n}`);
  const more = f.breachedIncidents.length - shown.length;
  return {
    title,
    lines: [
      ...(priorities.length > 0 ? priorities.map(line) : ["No SLA clock was judged in this period."]),
      `Incidents with a breach: ${f.breachedIncidents.length}${shown.length > 0 ? ` (${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""})` : ""}`,
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
