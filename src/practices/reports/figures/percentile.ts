/**
 * The nearest-rank percentile: the smallest value such that at least q of the values are at or below it
 * (for n values, the ceil(q·n)-th smallest). It is always one of the measured durations, so "p90 4h" means
 * an incident really took 4h, and a hand count on a small data set gives the same answer.
 */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A share as a percentage with one decimal, or null when nothing was judged. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
