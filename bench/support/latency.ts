// Latency statistics and the side-by-side tables every latency benchmark prints: the same percentiles,
// formatting and "OpsDesk vs baseline" ratios, so figures from different benchmarks read alike.

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds with two decimals, or "n/a". */
export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : "n/a");

/** `2.31x`: how many times `a` is `b`. */
export const times = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

export type StatsRow = Record<keyof Stats, string>;

export const row = (s: Stats): StatsRow => ({
  p50: ms(s.p50),
  p95: ms(s.p95),
  p99: ms(s.p99),
  max: ms(s.max),
});

export const ratioRow = (subject: Stats, baseline: Stats): StatsRow => ({
  p50: times(subject.p50, baseline.p50),
  p95: times(subject.p95, baseline.p95),
  p99: times(subject.p99, baseline.p99),
  max: times(subject.max, baseline.max),
});

/** Rows `<baseline> @n`, `<subject> @n`, `ratio @n` for each load, for console.table. */
export function sideBySide(
  loads: readonly number[],
  baseline: { label: string; at: (load: number) => Stats | undefined },
  subject: { label: string; at: (load: number) => Stats | undefined },
): Record<string, StatsRow> {
  const rows: Record<string, StatsRow> = {};
  for (const load of loads) {
    const b = baseline.at(load);
    const s = subject.at(load);
    if (!b || !s) continue;
    rows[`${baseline.label} @${load}`] = row(b);
    rows[`${subject.label} @${load}`] = row(s);
    rows[`ratio @${load}`] = ratioRow(s, b);
  }
  return rows;
}

/** `target … p99 @n <= 1.5x bare: met (12.00 vs 9.00 ms = 1.33x)` */
export function p99Verdict(
  what: string,
  load: number,
  subject: Stats,
  baseline: Stats,
  factor = 1.5,
): string {
  const ok = subject.p99 <= factor * baseline.p99;
  return (
    `target ${what} p99 @${load} in flight <= ${factor}x baseline: ${ok ? "met" : "NOT met"} ` +
    `(${ms(subject.p99)} vs ${ms(baseline.p99)} ms = ${times(subject.p99, baseline.p99)})`
  );
}
