import type { ChartSpec } from "../charts/chart-spec.js";
import type { ReportOutput } from "./report.js";

const dayMs = 86_400_000;

/** Age buckets, upper bounds in days (exclusive); the last is open-ended. */
export const ageBuckets: readonly { label: string; below: number }[] = [
  { label: "under 1 day", below: 1 },
  { label: "1-3 days", below: 3 },
  { label: "3-7 days", below: 7 },
  { label: "7-30 days", below: 30 },
  { label: "30+ days", below: Number.POSITIVE_INFINITY },
];

export function ageCounts(createdAt: readonly Date[], now: Date): number[] {
  const counts = ageBuckets.map(() => 0);
  for (const at of createdAt) {
    const days = (now.getTime() - at.getTime()) / dayMs;
    const index = ageBuckets.findIndex((bucket) => days < bucket.below);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Open tickets of each kind by age: how long the queue has kept them. */
export function backlogReport(
  title: string,
  kinds: readonly { name: string; counts: number[] }[],
): ReportOutput {
  const chart: ChartSpec = {
    title: "Open tickets by age",
    kind: "stacked",
    categories: ageBuckets.map((bucket) => bucket.label),
    series: kinds.map((kind) => ({ name: kind.name, values: kind.counts })),
    unit: "",
  };
  return {
    title,
    lines: kinds.map(
      (kind) =>
        `${kind.name}: ${kind.counts.reduce((a, b) => a + b, 0)} open (${ageBuckets.map((b, i) => `${b.label} ${kind.counts[i]}`).join(", ")})`,
    ),
    charts: [chart],
  };
}
