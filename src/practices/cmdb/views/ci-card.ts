import type { ItemSummary } from "../../../kernel/tickets/item-ref.js";
import { itemLine } from "../../../kernel/tickets/link-fields.js";
import type { TimelineEntryView } from "../../../kernel/tickets/timeline-read.js";
import type { Card, CardField, Intent } from "../../../kernel/views/card.js";
import {
  type CiSnapshot,
  type CiStatus,
  ciStatusLabels,
  type RelationshipType,
  relationshipLabels,
  typeLabel,
} from "../model.js";

export interface RelatedCi {
  readonly type: string;
  readonly status: string;
  readonly direction: "out" | "in";
  readonly other: { readonly key: string; readonly name: string; readonly type: string };
}

const statusIntent: Record<CiStatus, Intent> = {
  planned: "neutral",
  operational: "success",
  maintenance: "warning",
  retired: "neutral",
};

/** `/cmdb show`: what the CI is, how it relates, which tickets are open on it, what it affects, its last changes. */
export function ciCard(
  ci: CiSnapshot,
  parts: {
    related: readonly RelatedCi[];
    tickets: readonly ItemSummary[];
    impact: string;
    /** What other practices record as running it (assets), read through the directory. */
    assets: readonly ItemSummary[];
    history: readonly TimelineEntryView[];
  },
): Card {
  const fields: CardField[] = [
    { label: "Type", value: typeLabel(ci.type), inline: true },
    { label: "Status", value: ciStatusLabels[ci.status], inline: true },
    { label: "Environment", value: ci.environment, inline: true },
    { label: "Owner", value: ci.ownerGroupId ?? "nobody yet", inline: true },
    { label: "Source", value: sourceLabel[ci.source], inline: true },
  ];
  for (const [name, value] of Object.entries(ci.attributes))
    fields.push({ label: name, value, inline: true });
  const byLabel = new Map<string, string[]>();
  for (const r of parts.related) {
    const labels = relationshipLabels[r.type as RelationshipType];
    const label = `${labels ? labels[r.direction] : r.type}${r.status === "pending" ? " (waiting for the owner)" : ""}`;
    byLabel.set(label, [
      ...(byLabel.get(label) ?? []),
      `${r.other.key} · ${r.other.name} (${typeLabel(r.other.type)})`,
    ]);
  }
  for (const [label, lines] of byLabel) fields.push({ label, value: lines.join("\n") });
  fields.push({ label: "Affects", value: parts.impact });
  const open = parts.tickets.filter((t) => t.open);
  if (parts.assets.length > 0) fields.push({ label: "Assets", value: parts.assets.map(itemLine).join("\n") });
  fields.push({ label: "Open tickets", value: open.length > 0 ? open.map(itemLine).join("\n") : "none" });
  if (parts.history.length > 0)
    fields.push({ label: "History", value: parts.history.map(historyLine).join("\n") });
  return {
    type: "card",
    title: `${ci.key} · ${ci.name}`,
    badge: { text: ciStatusLabels[ci.status], intent: statusIntent[ci.status] },
    fields,
    ...(ci.description ? { body: ci.description } : {}),
    actions: [],
    links: [],
  };
}

const sourceLabel = {
  config: "opsdesk.yaml",
  backstage: "Backstage catalog",
  chat: "added in chat",
} as const;

/** `2026-12-05 07:12 · Ada Agent · related: payments-api depends on payments-db` */
function historyLine(entry: TimelineEntryView): string {
  const at = entry.at.toISOString().slice(0, 16).replace("T", " ");
  const change =
    entry.body ??
    Object.entries(entry.after ?? entry.before ?? {})
      .map(([field, value]) => `${field} ${String(entry.before?.[field] ?? "—")} → ${String(value)}`)
      .join(", ");
  return `${at} UTC · ${entry.actor.displayName} · ${entry.kind.replaceAll("_", " ")}${change ? `: ${change}` : ""}`;
}
