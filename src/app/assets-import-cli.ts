// `npm run assets:import -- file.csv [serial="Serial No." model=Model …]`: imports assets from a CSV file
// into the database DATABASE_URL names (migrated first, as at start), idempotent by serial number. Columns
// with the usual names (serial, kind, model, status, location, cost, warranty, ci, seats, minfree, expires)
// need no mapping. Exits 1, having written nothing, when any row has a problem. Lives in src/app because it
// builds the practices (a CI named in the file is checked through the CMDB's owner in the ticket directory).
import { readFile } from "node:fs/promises";
import { loadEnv } from "../config/env.js";
import { defaultConfigPath, loadConfigFile } from "../config/load.js";
import { openDatabase } from "../db/client.js";
import { locateDatabase } from "../db/location.js";
import { migrateDatabase } from "../db/migrate.js";
import { systemClock } from "../kernel/clock.js";
import { createLogger } from "../log.js";
import {
  type CsvField,
  csvFields,
  describeCsvImport,
  importAssetsCsv,
} from "../practices/assets/csv/import-csv.js";
import { createPractices } from "../practices/index.js";

const importer = { id: "opsdesk:assets-import", displayName: "OpsDesk asset import" };

async function main([file, ...pairs]: readonly string[]): Promise<number> {
  if (!file) {
    console.error('Name the CSV file: npm run assets:import -- assets.csv [serial="Serial No."]');
    return 1;
  }
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const pair of pairs) {
    const [field, column] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
    if (!pair.includes("=") || !(csvFields as readonly string[]).includes(field)) {
      console.error(
        `"${pair}" is no mapping; write field=column with a field among ${csvFields.join(", ")}.`,
      );
      return 1;
    }
    mapping[field as CsvField] = column;
  }
  const env = loadEnv(process.env);
  const { config } = await loadConfigFile(env.OPSDESK_CONFIG ?? defaultConfigPath, {
    required: env.OPSDESK_CONFIG !== undefined,
  });
  const location = locateDatabase(env.DATABASE_URL);
  await migrateDatabase(location);
  const database = await openDatabase(location);
  try {
    const { db } = database;
    const practices = createPractices({
      db,
      clock: systemClock,
      config,
      platforms: [],
      log: createLogger("warn"),
      wake: () => {},
    });
    await db.person.upsert({ where: { id: importer.id }, create: importer, update: {} });
    const report = await importAssetsCsv(
      practices.assets.assets,
      await readFile(file, "utf8"),
      mapping,
      importer.id,
    );
    const text = describeCsvImport(report);
    if (report.problems.length > 0) console.error(text);
    else console.log(text);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
