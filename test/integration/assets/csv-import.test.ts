// The asset CSV import (src/practices/assets/csv) on a real SQLite file and a real PostgreSQL: a spreadsheet
// export with quoted fields and a mapped serial column, idempotent by serial number, an edit reported as a
// change, and bad rows reported with their line while nothing is written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import { createTicketDirectory } from "../../../src/kernel/tickets/directory.js";
import type { AssetContext } from "../../../src/practices/assets/context.js";
import { describeCsvImport, importAssetsCsv } from "../../../src/practices/assets/csv/import-csv.js";
import { describeEachDatabase } from "../../support/databases.js";

const csv = readFileSync(join(import.meta.dirname, "../../fixtures/assets/inventory.csv"), "utf8");
const importer = "csv-importer";

describeEachDatabase("GIVEN an inventory exported as CSV", (db) => {
  let ctx: AssetContext;
  beforeAll(async () => {
    ctx = {
      db: db().handle.db,
      clock: { now: () => new Date("2026-12-05T08:00:00Z") },
      config: defaultConfig(),
      platforms: [],
      tickets: createTicketDirectory(() => []),
    };
    await db().handle.db.person.create({ data: { id: importer, displayName: "Importer" } });
  });

  describe("WHEN it is imported twice, then with an edit", () => {
    it("THEN the assets are added once, the second run changes nothing, and the edit is one change", async () => {
      const first = await importAssetsCsv(ctx, csv, { serial: "Serial No." }, importer);
      expect(describeCsvImport(first)).toBe(
        "3 added, 0 changed, 0 unchanged.\nAdded: C02XK1ZJH7, PF3A9KQ2, LIC-JETBRAINS",
      );
      const mac = await db().handle.db.asset.findUniqueOrThrow({ where: { serial: "C02XK1ZJH7" } });
      expect([mac.model, mac.costCents, mac.status]).toEqual(['MacBook Pro 14", M3', 239900, "in_stock"]);
      const licence = await db().handle.db.asset.findUniqueOrThrow({ where: { serial: "LIC-JETBRAINS" } });
      expect([licence.seats, licence.minFreeSeats, licence.expiresAt?.toISOString()]).toEqual([
        10,
        2,
        "2027-01-31T23:59:59.000Z",
      ]);

      expect(describeCsvImport(await importAssetsCsv(ctx, csv, { serial: "Serial No." }, importer))).toBe(
        "0 added, 0 changed, 3 unchanged.",
      );
      const moved = csv.replace("Munich, 3rd floor", "Munich, 4th floor");
      const edited = await importAssetsCsv(ctx, moved, { serial: "Serial No." }, importer);
      expect([edited.added, edited.changed, edited.unchanged]).toEqual([[], ["PF3A9KQ2"], 2]);
    });
  });

  describe("WHEN rows are wrong", () => {
    it("THEN each is reported by line and nothing is written", async () => {
      const before = await db().handle.db.asset.count();
      const bad = [
        "serial,kind,model,warranty,ci",
        "NEW-1,hardware,Dell XPS,2027-02-30,",
        "NEW-2,spaceship,Falcon,,",
        "NEW-3,hardware,Dell XPS,,payments-db",
      ].join("\n");
      const report = await importAssetsCsv(ctx, bad, {}, importer);
      expect(report.problems).toEqual([
        'Line 2: "2027-02-30" is not a warranty end. Write it like 2027-06-30.',
        'Line 3: kind "spaceship" is not hardware, software or licence.',
        'Line 4: There is no configuration item "payments-db" to link it to.',
      ]);
      expect(await db().handle.db.asset.count()).toBe(before);
      expect((await importAssetsCsv(ctx, "model\nX", {}, importer)).problems).toEqual([
        'No column for serial: name it "serial" or map it (serial=<column>).',
      ]);
    });
  });
});
