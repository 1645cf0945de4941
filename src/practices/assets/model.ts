/**
 * The vocabulary of IT asset management (ITIL 4): kinds of asset, their lifecycle and handovers. Values are
 * stored as strings; these lists are the only source of what is allowed.
 */
export const assetKinds = ["hardware", "software", "licence"] as const;
export type AssetKind = (typeof assetKinds)[number];

export const assetStatuses = [
  "ordered",
  "in_stock",
  "in_use",
  "in_repair",
  "retired",
  "disposed",
  "lost",
  "stolen",
] as const;
export type AssetStatus = (typeof assetStatuses)[number];

export const assetStatusLabels: Record<AssetStatus, string> = {
  ordered: "Ordered",
  in_stock: "In stock",
  in_use: "In use",
  in_repair: "In repair",
  retired: "Retired",
  disposed: "Disposed",
  lost: "Lost",
  stolen: "Stolen",
};

/** Statuses an asset can be handed to someone from (a licence stays in use while it has free seats). */
export const assignableStatuses: readonly AssetStatus[] = ["in_stock", "in_use"];

/** Where an asset may go from each status: the lifecycle's order (ordered before stock, retired before disposal). */
export const assetTransitions: Record<AssetStatus, readonly AssetStatus[]> = {
  ordered: ["in_stock"],
  in_stock: ["in_use", "in_repair", "retired", "lost", "stolen"],
  in_use: ["in_stock", "in_repair", "lost", "stolen"],
  in_repair: ["in_stock", "retired"],
  retired: ["disposed"],
  disposed: [],
  lost: ["in_stock"],
  stolen: ["in_stock"],
};

export const ASSET_TIMELINE = "asset";
export const HANDOVER_PREFIX = "HO";
/** How other practices name an asset through the ticket directory: `{ kind: "ASSET", key: serial }`. */
export const ASSET_PREFIX = "ASSET";

export const assetLimits = { serialMax: 64, modelMax: 120, locationMax: 120 } as const;

/** How many days ahead the asset channel is warned of expiring licences and ending warranties. */
export const warningDays = 30;
