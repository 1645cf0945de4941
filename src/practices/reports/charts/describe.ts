import { imageAltTextMax } from "../../../kernel/views/image.js";
import type { ChartSpec } from "./chart-spec.js";

/** A value as people read it: whole numbers bare, others to one decimal, with the chart's unit. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "none";
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown}${unit}`;
}

/**
 * The numbers of a chart as lines of text, one per category, to print beside the picture: everyone can
 * read them, copy them and search them, whatever their client shows of the image.
 */
export function chartLines(spec: ChartSpec): string[] {
  return spec.categories.map((category, i) => {
    const parts = spec.series.map((s) => {
      const value = formatValue(s.values[i] ?? null, spec.unit);
      return spec.series.length === 1 ? value : `${s.name} ${value}`;
    });
    return `${category}: ${parts.join(", ")}`;
  });
}

/**
 * The alt text: what kind of chart, of what, and its numbers (WCAG 1.1.1: the text alternative serves the
 * same purpose as the picture). Within Slack's 1000 characters; a long series says how many were left out.
 */
export function chartAltText(spec: ChartSpec): string {
  const kind = spec.kind === "line" ? "Line chart" : "Bar chart";
  const target = spec.target ? ` ${spec.target.label}: ${formatValue(spec.target.value, spec.unit)}.` : "";
  let text = `${kind}: ${spec.title}.${target}`;
  const lines = chartLines(spec);
  // Room kept for the note that says how many categories did not fit.
  const budget = imageAltTextMax - 60;
  for (const [i, line] of lines.entries()) {
    if (text.length + line.length + 2 > budget)
      return `${text} ${lines.length - i} more in the text beside the chart.`;
    text = `${text} ${line}.`;
  }
  return text;
}
