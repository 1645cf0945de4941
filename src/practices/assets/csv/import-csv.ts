import { transactionOptions } from "../../../db/client.js";
import { isOpsDeskError } from "../../../kernel/errors.js";
import { assetColumns, type NewAsset } from "../add-asset.js";
import type { AssetContext } from "../context.js";
import { type AssetKind, type AssetStatus, assetKinds, assetStatuses } from "../model.js";
import { recordAssetChange } from "../timeline.js";
import { parseCsv } from "./parse-csv.js";

/** The asset fields a CSV column can fill. */
export const csvFields = [
  "serial",
  "kind",
  "model",
  "status",
  "location",
  "cost",
  "warranty",
  "ci",
  "seats",
  "minfree",
  "expires",
] as const;
export type CsvField = (typeof csvFields)[number];

/** Header names read without a mapping (lower case, spaces and underscores ignored). */
const usualHeaders: Record<string, CsvField> = {
  serial: "serial",
  serialnumber: "serial",
  serialno: "serial",
  kind: "kind",
  type: "kind",
  model: "model",
  status: "status",
  location: "location",
  cost: "cost",
  price: "cost",
  warranty: "warranty",
  warrantyend: "warranty",
  ci: "ci",
  seats: "seats",
  minfree: "minfree",
  minfreeseats: "minfree",
  expires: "expires",
  expiry: "expires",
  expiresat: "expires",
};

export interface CsvImportReport {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: number;
  /** When not empty, nothing was written. */
  readonly problems: readonly string[];
}

const normal = (header: string) => header.toLowerCase().replaceAll(/[\s_-]+/g, "");

/**
 * Imports assets from CSV, idempotent by serial number: a new serial is added, a known one updated where a
 * column differs, and importing the same file again changes nothing. `mapping` names the column for a field
 * when the header is not one of the usual names (`serial=Serial No.`). Every row is checked before anything
 * is written; any problem and nothing is (one transaction).
 */
export async function importAssetsCsv(
  ctx: AssetContext,
  text: string,
  mapping: Readonly<Partial<Record<CsvField, string>>>,
  actorId: string,
): Promise<CsvImportReport> {
  const [header, ...rows] = parseCsv(text);
  const none = { added: [], changed: [], unchanged: 0 };
  if (!header)
    return { ...none, problems: ["The file is empty; it needs a header row and a row per asset."] };
  const columns = new Map<CsvField, number>();
  header.forEach((name, index) => {
    const field = usualHeaders[normal(name)];
    if (field) columns.set(field, index);
  });
  const problems: string[] = [];
  for (const [field, name] of Object.entries(mapping) as [CsvField, string][]) {
    const index = header.findIndex((h) => normal(h) === normal(name));
    if (index < 0)
      problems.push(`The mapping names column "${name}" for ${field}, but the header has no such column.`);
    else columns.set(field, index);
  }
  for (const required of ["serial", "model"] as const)
    if (!columns.has(required))
      problems.push(`No column for ${required}: name it "${required}" or map it (${required}=<column>).`);
  if (problems.length > 0) return { ...none, problems };

  const planned: { line: number; data: Awaited<ReturnType<typeof assetColumns>>; status: AssetStatus }[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const cell = (field: CsvField) => {
      const at = columns.get(field);
      return at === undefined ? undefined : (row[at] ?? "").trim() || undefined;
    };
    const kind = (cell("kind") ?? "hardware").toLowerCase();
    const status = (cell("status") ?? "in_stock").toLowerCase().replaceAll(" ", "_");
    if (!(assetKinds as readonly string[]).includes(kind)) {
      problems.push(`Line ${line}: kind "${kind}" is not hardware, software or licence.`);
      continue;
    }
    if (!(assetStatuses as readonly string[]).includes(status) || status === "in_use") {
      problems.push(
        `Line ${line}: status "${status}" cannot be imported (in use comes from an accepted handover).`,
      );
      continue;
    }
    const input: NewAsset = {
      serial: cell("serial") ?? "",
      kind: kind as AssetKind,
      model: cell("model") ?? "",
      location: cell("location"),
      cost: cell("cost"),
      warranty: cell("warranty"),
      ci: cell("ci"),
      seats: cell("seats"),
      minfree: cell("minfree"),
      expires: cell("expires"),
    };
    if (!input.model) {
      problems.push(`Line ${line}: no model.`);
      continue;
    }
    try {
      const data = await assetColumns(ctx, input);
      const earlier = seen.get(data.serial);
      if (earlier !== undefined)
        problems.push(`Line ${line}: serial ${data.serial} is also on line ${earlier}.`);
      seen.set(data.serial, line);
      planned.push({ line, data, status: status as AssetStatus });
    } catch (error) {
      if (!isOpsDeskError(error)) throw error;
      problems.push(`Line ${line}: ${error.userMessage}`);
    }
  }
  if (problems.length > 0) return { ...none, problems };

  const at = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const added: string[] = [];
    const changed: string[] = [];
    for (const { data, status } of planned) {
      const existing = await tx.asset.findUnique({ where: { serial: data.serial } });
      if (!existing) {
        const created = await tx.asset.create({ data: { ...data, status, createdAt: at, updatedAt: at } });
        await recordAssetChange(tx, {
          assetId: created.id,
          at,
          actorId,
          kind: "created",
          body: "imported from CSV",
        });
        added.push(data.serial);
        continue;
      }
      // The status of an asset someone holds is the handovers' to say, not the spreadsheet's.
      const wanted = { ...data, status: existing.status === "in_use" ? existing.status : status };
      const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).filter(
        (field) =>
          String(
            existing[field] instanceof Date ? (existing[field] as Date).toISOString() : existing[field],
          ) !== String(wanted[field] instanceof Date ? (wanted[field] as Date).toISOString() : wanted[field]),
      );
      if (differs.length === 0) continue;
      await tx.asset.update({
        where: { id: existing.id },
        data: { ...wanted, updatedAt: at, version: { increment: 1 } },
      });
      await recordAssetChange(tx, {
        assetId: existing.id,
        at,
        actorId,
        kind: "updated",
        before: Object.fromEntries(differs.map((f) => [f, existing[f]])),
        after: Object.fromEntries(differs.map((f) => [f, wanted[f]])),
        body: "imported from CSV",
      });
      changed.push(data.serial);
    }
    return { added, changed, unchanged: planned.length - added.length - changed.length, problems: [] };
  }, transactionOptions);
}

export function describeCsvImport(report: CsvImportReport): string {
  if (report.problems.length > 0)
    return [
      `Nothing was imported: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} to fix first:`,
      ...report.problems.map((p) => `  - ${p}`),
    ].join("\n");
  return [
    `${report.added.length} added, ${report.changed.length} changed, ${report.unchanged} unchanged.`,
    ...(report.added.length > 0 ? [`Added: ${report.added.join(", ")}`] : []),
    ...(report.changed.length > 0 ? [`Changed: ${report.changed.join(", ")}`] : []),
  ].join("\n");
}
