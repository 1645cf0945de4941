import type { ChartSpec } from "../charts/chart-spec.js";

/** A report before it is drawn or sent: its title, its figures as lines, and its charts. */
export interface ReportOutput {
  readonly title: string;
  /** The headline figures, one per line, in words and numbers. */
  readonly lines: readonly string[];
  readonly charts: readonly ChartSpec[];
}

/** The priorities that occur in the rows, in order (P1 first), so a chart has no empty series. */
export function prioritiesIn(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** Hours or minutes with one decimal. */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
