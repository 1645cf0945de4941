import { resolve, sep } from "node:path";
import { type Db, type Tx, transactionOptions } from "../../../db/client.js";
import { markGraphChanged } from "../graph-version.js";
import { ensureSystemPerson } from "../system-actor.js";
import { recordCiChange } from "../timeline.js";
import { type ImportPlan, planImport } from "./plan-import.js";
import { readCatalog } from "./read-catalog.js";

export interface ImportReport {
  readonly files: number;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly retired: readonly string[];
  readonly unchanged: number;
  /** CIs the catalog names that another source (opsdesk.yaml, chat) already keeps: only their relationships are imported. */
  readonly matched: readonly string[];
  /** When not empty, nothing was written. */
  readonly problems: readonly string[];
}

/**
 * Imports Backstage catalog files (or folders of them) into the CMDB: idempotent (a second run changes
 * nothing), atomic (one transaction; any problem in any file and nothing is written), and it reports what it
 * added, changed and retired. CIs an earlier import found in these files that they no longer declare are
 * retired; CIs from other files, opsdesk.yaml or chat are never retired by it.
 */
export async function importCatalog(db: Db, paths: readonly string[], at: Date): Promise<ImportReport> {
  const read = await readCatalog(paths);
  const known = new Set(
    (await db.configItem.findMany({ where: { status: { not: "retired" } }, select: { key: true } })).map(
      (c) => c.key,
    ),
  );
  const plan = planImport(read.entities, known);
  const problems = [...read.problems, ...plan.problems];
  const empty = { files: read.files.length, added: [], changed: [], retired: [], unchanged: 0, matched: [] };
  if (problems.length > 0) return { ...empty, problems };
  return db.$transaction((tx) => applyPlan(tx, plan, read.files, paths, at), transactionOptions);
}

async function applyPlan(
  tx: Tx,
  plan: ImportPlan,
  files: readonly string[],
  paths: readonly string[],
  at: Date,
): Promise<ImportReport> {
  const actorId = await ensureSystemPerson(tx, at);
  // Even a run that changes nothing marks the graph: the cost is one recomputed line per CI a card shows.
  await markGraphChanged(tx);
  const added: string[] = [];
  const changed = new Set<string>();
  const matched: string[] = [];
  const ids = new Map<string, number>();
  for (const ci of plan.cis) {
    const existing = await tx.configItem.findUnique({ where: { key: ci.key } });
    const data = {
      name: ci.name,
      type: ci.type,
      ownerGroupId: ci.ownerGroupId,
      description: ci.description,
      attributes: JSON.stringify(ci.attributes),
      origin: ci.origin,
    };
    if (!existing) {
      const created = await tx.configItem.create({
        data: {
          key: ci.key,
          ...data,
          status: "operational",
          source: "backstage",
          createdAt: at,
          updatedAt: at,
        },
      });
      await recordCiChange(tx, {
        ciId: created.id,
        at,
        actorId,
        kind: "created",
        after: data,
        body: `imported from ${ci.origin}`,
      });
      ids.set(ci.key, created.id);
      added.push(ci.key);
      continue;
    }
    ids.set(ci.key, existing.id);
    if (existing.source !== "backstage") {
      matched.push(ci.key);
      continue;
    }
    const before = {
      name: existing.name,
      type: existing.type,
      ownerGroupId: existing.ownerGroupId,
      description: existing.description,
      attributes: existing.attributes,
      origin: existing.origin,
    };
    const wasRetired = existing.status === "retired";
    const differs = Object.entries(data).filter(
      ([field, value]) => before[field as keyof typeof before] !== value,
    );
    if (differs.length === 0 && !wasRetired) continue;
    await tx.configItem.update({
      where: { id: existing.id },
      data: {
        ...data,
        status: wasRetired ? "operational" : existing.status,
        updatedAt: at,
        version: { increment: 1 },
      },
    });
    await recordCiChange(tx, {
      ciId: existing.id,
      at,
      actorId,
      kind: "updated",
      before: Object.fromEntries([
        ...differs.map(([f]) => [f, before[f as keyof typeof before]]),
        ...(wasRetired ? [["status", "retired"]] : []),
      ]),
      after: Object.fromEntries([...differs, ...(wasRetired ? [["status", "operational"]] : [])]),
      body: `re-imported from ${ci.origin}`,
    });
    changed.add(ci.key);
  }
  for (const key of new Set(plan.relationships.flatMap((r) => [r.from, r.to]))) {
    if (ids.has(key)) continue;
    const row = await tx.configItem.findUniqueOrThrow({ where: { key }, select: { id: true } });
    ids.set(key, row.id);
  }
  await syncRelationships(tx, plan, ids, at, actorId, changed);
  const retired = await retireMissing(tx, plan, files, paths, at, actorId);
  const settled = (key: string) => added.includes(key) || changed.has(key) || matched.includes(key);
  return {
    files: files.length,
    added,
    changed: [...changed].filter((key) => !added.includes(key)),
    retired,
    unchanged: plan.cis.filter((ci) => !settled(ci.key)).length,
    matched,
    problems: [],
  };
}

/** The catalog's relationships of the CIs it declares replace those it declared before; others stay. */
async function syncRelationships(
  tx: Tx,
  plan: ImportPlan,
  ids: ReadonlyMap<string, number>,
  at: Date,
  actorId: string,
  changed: Set<string>,
): Promise<void> {
  const declaring = plan.cis.map((ci) => ids.get(ci.key) as number);
  const wanted = new Map<string, { fromId: number; toId: number; from: string; to: string }>();
  for (const r of plan.relationships) {
    const fromId = ids.get(r.from) as number;
    const toId = ids.get(r.to) as number;
    wanted.set(`${fromId}>${toId}`, { fromId, toId, from: r.from, to: r.to });
  }
  // A relationship belongs to the import when either end is one of its CIs (a system's part, an API's provider).
  const existing = await tx.ciRelationship.findMany({
    where: {
      source: "backstage",
      type: "depends-on",
      OR: [{ fromId: { in: declaring } }, { toId: { in: declaring } }],
    },
    include: { from: { select: { key: true } }, to: { select: { key: true } } },
  });
  const have = new Set(existing.map((r) => `${r.fromId}>${r.toId}`));
  for (const r of existing) {
    if (wanted.has(`${r.fromId}>${r.toId}`)) continue;
    await tx.ciRelationship.delete({ where: { id: r.id } });
    await recordCiChange(tx, {
      ciId: r.fromId,
      at,
      actorId,
      kind: "unrelated",
      before: { relationship: "depends-on", to: r.to.key },
      body: `${r.from.key} no longer depends on ${r.to.key} (catalog)`,
    });
    changed.add(r.from.key);
  }
  for (const [id, r] of wanted) {
    if (have.has(id)) continue;
    const already = await tx.ciRelationship.findUnique({
      where: { fromId_toId_type: { fromId: r.fromId, toId: r.toId, type: "depends-on" } },
    });
    if (already) continue;
    await tx.ciRelationship.create({
      data: {
        fromId: r.fromId,
        toId: r.toId,
        type: "depends-on",
        status: "confirmed",
        source: "backstage",
        createdAt: at,
      },
    });
    await recordCiChange(tx, {
      ciId: r.fromId,
      at,
      actorId,
      kind: "related",
      after: { relationship: "depends-on", to: r.to },
      body: `${r.from} depends on ${r.to} (catalog)`,
    });
    changed.add(r.from);
  }
}

/** CIs an earlier import found in these files (or under these folders) that the catalog no longer declares. */
async function retireMissing(
  tx: Tx,
  plan: ImportPlan,
  files: readonly string[],
  paths: readonly string[],
  at: Date,
  actorId: string,
): Promise<string[]> {
  const declared = new Set(plan.cis.map((ci) => ci.key));
  const roots = paths.map((p) => resolve(p));
  const candidates = await tx.configItem.findMany({
    where: { source: "backstage", status: { not: "retired" }, origin: { not: null } },
  });
  const retired: string[] = [];
  for (const ci of candidates) {
    const origin = ci.origin as string;
    const covered =
      files.includes(origin) || roots.some((root) => origin === root || origin.startsWith(`${root}${sep}`));
    if (!covered || declared.has(ci.key)) continue;
    await tx.configItem.update({
      where: { id: ci.id },
      data: { status: "retired", updatedAt: at, version: { increment: 1 } },
    });
    await tx.ciRelationship.deleteMany({ where: { source: "backstage", fromId: ci.id } });
    await recordCiChange(tx, {
      ciId: ci.id,
      at,
      actorId,
      kind: "retired",
      before: { status: ci.status },
      after: { status: "retired" },
      body: `no longer in ${origin}`,
    });
    retired.push(ci.key);
  }
  return retired;
}

/** The report as the command line and the scheduled job's log say it. */
export function describeImport(report: ImportReport): string {
  if (report.problems.length > 0)
    return [
      `Nothing was imported: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} to fix first:`,
      ...report.problems.map((p) => `  - ${p}`),
    ].join("\n");
  const list = (label: string, keys: readonly string[]) =>
    keys.length > 0 ? [`${label}: ${keys.join(", ")}`] : [];
  return [
    `Imported ${report.files} file${report.files === 1 ? "" : "s"}: ${report.added.length} added, ${report.changed.length} changed, ${report.retired.length} retired, ${report.unchanged} unchanged.`,
    ...list("Added", report.added),
    ...list("Changed", report.changed),
    ...list("Retired", report.retired),
    ...list("Already in the CMDB from another source (relationships imported)", report.matched),
  ].join("\n");
}
