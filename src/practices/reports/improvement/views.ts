import { DateTime } from "luxon";
import type { Card } from "../../../kernel/views/card.js";
import type { List } from "../../../kernel/views/list.js";
import { formatValue } from "../charts/describe.js";
import { improvementMetrics } from "./metrics.js";
import { type ImprovementRow, improvementRef } from "./store.js";

function day(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? "";
}

function fields(row: ImprovementRow, timezone: string) {
  const { label, unit } = improvementMetrics[row.metric];
  return [
    { label: "Metric", value: `${label}${row.serviceId ? ` (${row.serviceId})` : ""}` },
    { label: "Baseline", value: formatValue(row.baseline, unit), inline: true },
    { label: "Target", value: formatValue(row.target, unit), inline: true },
    { label: "Review", value: day(row.reviewOn, timezone), inline: true },
    ...(row.reviewedAt
      ? [{ label: "At review", value: formatValue(row.reviewValue, unit), inline: true }]
      : []),
  ];
}

export function improvementCard(row: ImprovementRow, timezone: string): Card {
  return {
    type: "card",
    title: `${improvementRef(row.number)} · ${row.title}`,
    fields: fields(row, timezone),
    ...(row.why ? { body: row.why } : {}),
    context: row.reviewedAt ? "Reviewed" : `Owner: ${row.ownerId}`,
    actions: [],
    links: [],
  };
}

export function improvementList(rows: readonly ImprovementRow[], timezone: string): List {
  return {
    type: "list",
    title: "Improvements",
    items: rows.map((row) => ({
      ref: improvementRef(row.number),
      title: row.title,
      fields: fields(row, timezone),
    })),
    emptyText:
      'No improvement yet: /improve new "What to improve" metric:mttr-p50 target:4 review:YYYY-MM-DD',
  };
}
