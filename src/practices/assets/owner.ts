import type { Db, Tx } from "../../db/client.js";
import type { TicketOwner } from "../../kernel/tickets/directory.js";
import type { ItemRef, ItemSummary } from "../../kernel/tickets/item-ref.js";
import type { AssetRow } from "./find-asset.js";
import { ASSET_PREFIX, type AssetStatus, assetStatusLabels } from "./model.js";

/** The CMDB's prefix: an asset names the CI it runs by its key (add-asset.ts checks it through the directory). */
const CI_KIND = "CI";
const over: readonly AssetStatus[] = ["retired", "disposed"];

/**
 * Assets as other practices see them through the ticket directory: by serial number, and listed on the card
 * of the CI they run (`pointingAt`), so `/cmdb show db-host-1` names the server under it. Assets are not
 * linked to tickets by typing, so nothing is suggested.
 */
export function assetOwner(): TicketOwner {
  return {
    prefix: ASSET_PREFIX,
    suggest: async () => [],
    async find(db, key) {
      const asset = await db.asset.findUnique({ where: { serial: key } });
      return asset ? summaryOf(asset) : undefined;
    },
    pointingAt: (db, ref) => assetsRunning(db, ref),
  };
}

async function assetsRunning(db: Db | Tx, ref: ItemRef): Promise<ItemSummary[]> {
  if (ref.kind !== CI_KIND) return [];
  const assets = await db.asset.findMany({
    where: { ciKey: ref.key, status: { notIn: [...over] } },
    orderBy: { serial: "asc" },
    take: 25,
  });
  return assets.map(summaryOf);
}

function summaryOf(asset: AssetRow): ItemSummary {
  const status = asset.status as AssetStatus;
  return {
    ref: { kind: ASSET_PREFIX, key: asset.serial },
    label: asset.serial,
    title: asset.model,
    status: assetStatusLabels[status],
    open: !over.includes(status),
    state: status,
  };
}
