import type { Db, Tx } from "../../db/client.js";
import { NotFoundError } from "../../kernel/errors.js";
import { clipText } from "../../kernel/text/clip.js";
import type { CiSnapshot, CiSource, CiStatus } from "./model.js";

type CiRow = Awaited<ReturnType<Db["configItem"]["findUniqueOrThrow"]>>;

export function toCiSnapshot(row: CiRow): CiSnapshot {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    type: row.type,
    status: row.status as CiStatus,
    environment: row.environment,
    ownerGroupId: row.ownerGroupId,
    description: row.description,
    attributes: parseAttributes(row.attributes),
    source: row.source as CiSource,
    serviceId: row.serviceId,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function parseAttributes(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** The CI people named (keys are matched without regard to case, as people type them). */
export async function findCi(db: Db | Tx, key: string): Promise<CiSnapshot | undefined> {
  const exact = await db.configItem.findUnique({ where: { key } });
  if (exact) return toCiSnapshot(exact);
  const lower = key.toLowerCase();
  if (lower === key) return undefined;
  const folded = await db.configItem.findUnique({ where: { key: lower } });
  return folded ? toCiSnapshot(folded) : undefined;
}

export async function requireCi(db: Db | Tx, key: string): Promise<CiSnapshot> {
  const ci = await findCi(db, key);
  if (!ci)
    throw new NotFoundError(
      `There is no configuration item "${clipText(key, 64)}". Find it with /cmdb list, or add it with /cmdb add.`,
    );
  return ci;
}
