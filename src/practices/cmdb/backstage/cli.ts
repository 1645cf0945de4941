// `npm run cmdb:import -- <files or folders>`: imports Backstage catalog-info.yaml files into the CMDB of the
// database DATABASE_URL names (migrated first, as at start), and prints what was added, changed and retired.
// Exits 1, having written nothing, when any file has a problem.
import { loadEnv } from "../../../config/env.js";
import { openDatabase } from "../../../db/client.js";
import { locateDatabase } from "../../../db/location.js";
import { migrateDatabase } from "../../../db/migrate.js";
import { describeImport, importCatalog } from "./apply-import.js";

async function main(paths: readonly string[]): Promise<number> {
  if (paths.length === 0) {
    console.error("Name the catalog files or folders to import: npm run cmdb:import -- ./catalog");
    return 1;
  }
  const location = locateDatabase(loadEnv(process.env).DATABASE_URL);
  await migrateDatabase(location);
  const database = await openDatabase(location);
  try {
    const report = await importCatalog(database.db, paths, new Date());
    const text = describeImport(report);
    if (report.problems.length > 0) console.error(text);
    else console.log(text);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
