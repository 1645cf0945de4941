import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { clipText } from "../../kernel/text/clip.js";

export type AssetRow = Awaited<ReturnType<Db["asset"]["findUniqueOrThrow"]>>;

export async function requireAsset(db: Db | Tx, serial: string): Promise<AssetRow> {
  const asset = await db.asset.findUnique({ where: { serial: serial.trim() } });
  if (!asset)
    throw new NotFoundError(
      `There is no asset with serial number "${clipText(serial, 64)}". Check it on the label, or find it with /asset mine.`,
    );
  return asset;
}

/** Accepted, not returned: who holds it now (one person for hardware, one per seat for a licence). */
export async function holdersOf(db: Db | Tx, assetId: number) {
  return db.assetHandover.findMany({
    where: { assetId, status: "accepted", returnedAt: null },
    orderBy: { id: "asc" },
  });
}
