/**
 * A chart as the reports describe it, before any library sees it: a title, the categories along the
 * horizontal axis (weeks, priorities, age buckets) and one or more series of numbers. The same spec gives
 * the picture (render.ts), its alt text and the numbers printed beside it (describe.ts), so the three can
 * never disagree.
 */
export interface ChartSpec {
  readonly title: string;
  /** `bar` side by side, `stacked` bars piled per category, `line` one line per series. */
  readonly kind: "bar" | "stacked" | "line";
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** How values read: `%`, `h`, `` (counts). */
  readonly unit: string;
  /** A horizontal reference line (a target), drawn dashed and named in the alt text. */
  readonly target?: { readonly label: string; readonly value: number };
}

export interface ChartSeries {
  readonly name: string;
  /** One value per category; null where there is nothing to show (no incidents resolved that week). */
  readonly values: readonly (number | null)[];
}
