import type { CmdbSettings } from "../../config/cmdb-schema.js";
import type { Db } from "../../db/client.js";
import type { Logger } from "../../log.js";
import type { JobDefinition } from "../../scheduler/index.js";
import { describeImport, importCatalog } from "./backstage/apply-import.js";

/**
 * The scheduled re-import of the catalog path in opsdesk.yaml (`cmdb.import`): once per slot across replicas
 * (the scheduler elects one), idempotent, so a slot run again after a crash changes nothing more.
 */
export function catalogImportJob(deps: { db: Db; settings: CmdbSettings; log: Logger }): JobDefinition[] {
  const { import: source } = deps.settings;
  if (!source) return [];
  return [
    {
      name: "cmdb-import",
      every: `${source.everyMinutes}m`,
      async run({ now }) {
        const report = await importCatalog(deps.db, [source.path], now);
        const summary = describeImport(report);
        if (report.problems.length > 0)
          deps.log.error({ path: source.path, problems: report.problems }, summary);
        else
          deps.log.info(
            {
              path: source.path,
              added: report.added.length,
              changed: report.changed.length,
              retired: report.retired.length,
            },
            "catalog imported",
          );
      },
    },
  ];
}
