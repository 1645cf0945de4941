import type { Card, CardField } from "../../../kernel/views/card.js";
import type { List } from "../../../kernel/views/list.js";
import { formatCost, formatDay } from "../fields.js";
import type { AssetRow } from "../find-asset.js";
import { type AssetStatus, assetStatusLabels } from "../model.js";

/** `/asset show`: what it is, where, who holds it, its warranty, a licence's seats and expiry. */
export function assetCard(asset: AssetRow, holders: readonly string[]): Card {
  const status = asset.status as AssetStatus;
  const fields: CardField[] = [
    { label: "Kind", value: asset.kind, inline: true },
    { label: "Status", value: assetStatusLabels[status], inline: true },
    { label: "Location", value: asset.location || "—", inline: true },
    { label: "Cost", value: formatCost(asset.costCents), inline: true },
    { label: "Warranty until", value: formatDay(asset.warrantyEnd), inline: true },
  ];
  if (asset.ciKey) fields.push({ label: "Runs", value: asset.ciKey, inline: true });
  if (asset.kind === "licence") {
    const seats = asset.seats ?? 1;
    fields.push({
      label: "Seats",
      value: `${holders.length} used, ${seats - holders.length} free of ${seats}`,
      inline: true,
    });
    fields.push({ label: "Expires", value: formatDay(asset.expiresAt), inline: true });
  }
  fields.push({
    label: asset.kind === "licence" ? "Seat holders" : "Held by",
    value: holders.length > 0 ? holders.join(", ") : "nobody",
  });
  return {
    type: "card",
    title: `${asset.serial} · ${asset.model}`,
    badge: {
      text: assetStatusLabels[status],
      intent: status === "lost" || status === "stolen" ? "danger" : "neutral",
    },
    fields,
    actions: [],
    links: [],
  };
}

export function assetList(title: string, assets: readonly AssetRow[]): List {
  return {
    type: "list",
    title,
    items: assets.map((asset) => ({
      ref: asset.serial,
      title: asset.model,
      fields: [
        { label: "Kind", value: asset.kind, inline: true },
        { label: "Status", value: assetStatusLabels[asset.status as AssetStatus], inline: true },
        ...(asset.kind === "licence"
          ? [{ label: "Expires", value: formatDay(asset.expiresAt), inline: true }]
          : []),
      ],
    })),
    emptyText: "You hold no assets recorded in OpsDesk.",
  };
}
