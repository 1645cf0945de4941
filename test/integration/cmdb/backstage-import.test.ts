// The Backstage catalog import (src/practices/cmdb/backstage) on a real SQLite file and a real PostgreSQL:
// catalog files of the shapes the Backstage documentation describes become CIs and depends-on relationships,
// a second run changes nothing, an edited catalog reports what changed and retires what it dropped, and a bad
// file (an unknown kind, an entity without a name, a dependency on nothing) is reported and nothing is written.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/kernel/clock.js";
import { describeImport, importCatalog } from "../../../src/practices/cmdb/backstage/apply-import.js";
import { affectedBusinessServices, impactOf } from "../../../src/practices/cmdb/impact.js";
import { catalogImportJob } from "../../../src/practices/cmdb/jobs.js";
import { Scheduler } from "../../../src/scheduler/index.js";
import { describeEachDatabase } from "../../support/databases.js";
import { captureLog } from "../../support/log-lines.js";

const fixtures = join(import.meta.dirname, "../../fixtures/backstage");
const at = new Date("2026-12-05T07:00:00Z");

describeEachDatabase("GIVEN Backstage catalog files", (db) => {
  const scratch = mkdtempSync(join(tmpdir(), "opsdesk-catalog-"));
  const catalog = join(scratch, "catalog");
  cpSync(join(fixtures, "good"), catalog, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  describe("WHEN a folder of them is imported, twice", () => {
    it("THEN the system, components, resource and API become CIs related as the catalog says, and the second run changes nothing", async () => {
      const first = await importCatalog(db().handle.db, [catalog], at);
      expect(first.problems).toEqual([]);
      expect([...first.added].sort()).toEqual([
        "artist-api",
        "artist-engagement-portal",
        "artist-lookup",
        "artist-web",
        "artists-db",
      ]);
      expect(describeImport(first)).toContain(
        "Imported 2 files: 5 added, 0 changed, 0 retired, 0 unchanged.",
      );

      const cis = await db().handle.db.configItem.findMany({ orderBy: { key: "asc" } });
      expect(cis.map((ci) => [ci.key, ci.type, ci.ownerGroupId])).toEqual([
        ["artist-api", "api", "artist-relations-team"],
        ["artist-engagement-portal", "business_service", "artist-relations-team"],
        ["artist-lookup", "service", "artist-relations-team"],
        ["artist-web", "application", "artist-relations-team"],
        ["artists-db", "database", "artist-relations-team"],
      ]);
      const db0 = cis.find((ci) => ci.key === "artists-db");
      if (!db0) throw new Error("artists-db missing");
      const tree = await impactOf(db().handle.db, db0);
      expect(tree.nodes.map((n) => n.key).sort()).toEqual([
        "artist-api",
        "artist-engagement-portal",
        "artist-lookup",
        "artist-web",
      ]);
      expect(affectedBusinessServices(tree).map((n) => n.key)).toEqual(["artist-engagement-portal"]);

      const second = await importCatalog(db().handle.db, [catalog], at);
      expect(describeImport(second)).toBe("Imported 2 files: 0 added, 0 changed, 0 retired, 5 unchanged.");
    });
  });

  describe("WHEN the catalog is edited and imported again", () => {
    it("THEN the report names what changed and what was retired, and the timeline records both", async () => {
      const file = join(catalog, "catalog-info.yaml");
      const docs = readFileSync(file, "utf8").split(/^---$/m);
      // Drop artist-web (the second document) and reword the system's description.
      const edited = [docs[0]?.replace("Handy tools", "Tools"), ...docs.slice(2)].join("---");
      writeFileSync(file, edited);
      const report = await importCatalog(db().handle.db, [catalog], at);
      expect(report.problems).toEqual([]);
      expect(report.added).toEqual([]);
      expect(report.retired).toEqual(["artist-web"]);
      expect(report.changed).toContain("artist-engagement-portal");
      const web = await db().handle.db.configItem.findUniqueOrThrow({ where: { key: "artist-web" } });
      expect(web.status).toBe("retired");
      const entries = await db().handle.db.timelineEntry.findMany({
        where: { ticketKind: "ci", ticketId: web.id },
      });
      // Its dependency on the API left with it, then it was retired.
      expect(entries.map((e) => e.kind)).toEqual(["created", "related", "unrelated", "retired"]);
    });
  });

  describe("WHEN a file has a problem", () => {
    it.each([
      ["bad-kind", 'kind "Widget" is not one OpsDesk imports (Component, System, Resource, API, Group).'],
      ["bad-name", "a Component without metadata.name; every entity needs a name."],
      [
        "bad-dependency",
        'Component "playlist-api" dependsOn "ghost-db", which is neither in the catalog nor in the CMDB.',
      ],
    ])("THEN %s is reported and nothing of the import is written", async (folder, problem) => {
      const before = await db().handle.db.configItem.count();
      const report = await importCatalog(db().handle.db, [join(fixtures, folder), catalog], at);
      expect(report.problems).toEqual([expect.stringContaining(problem)]);
      expect(describeImport(report)).toMatch(/^Nothing was imported: 1 problem to fix first:/);
      expect(await db().handle.db.configItem.count()).toBe(before);
    });
  });
});

describeEachDatabase("GIVEN opsdesk.yaml names a catalog folder to re-import every 30 minutes", (db) => {
  const scratch = mkdtempSync(join(tmpdir(), "opsdesk-scheduled-catalog-"));
  const catalog = join(scratch, "catalog");
  cpSync(join(fixtures, "good"), catalog, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const start = new Date("2026-12-05T08:00:00Z");
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

  describe("WHEN the scheduler runs through its slots while the catalog changes", () => {
    it("THEN each slot imports once across replicas, a dropped entity is retired, and a broken file is logged and writes nothing", async () => {
      const captured = captureLog();
      const clock = new ManualClock(start);
      const settings = { types: [], import: { path: catalog, everyMinutes: 30 } };
      const [job] = catalogImportJob({ db: db().handle.db, settings, log: captured.log });
      if (!job) throw new Error("no import job for a configured path");
      const replica = (replicaId: string) => {
        const scheduler = new Scheduler({ db: db().handle.db, clock, replicaId });
        scheduler.register(job);
        return scheduler;
      };
      const [a, b] = [replica("replica-a"), replica("replica-b")];
      const imported = () => captured.lines().filter((line) => line.msg === "catalog imported");
      const status = async (key: string) =>
        (await db().handle.db.configItem.findUniqueOrThrow({ where: { key } })).status;

      const outcomes = [...(await a.runDue()), ...(await b.runDue())].map((r) => r.outcome).sort();
      expect(outcomes).toEqual(["not_elected", "succeeded"]);
      expect(imported()).toEqual([expect.objectContaining({ added: 5, changed: 0, retired: 0 })]);
      expect(await status("artist-web")).toBe("operational");

      // Someone drops artist-web from the catalog; the next slot (30 minutes on) retires it.
      const file = join(catalog, "catalog-info.yaml");
      const docs = readFileSync(file, "utf8").split(/^---$/m);
      writeFileSync(file, [docs[0], ...docs.slice(2)].join("---"));
      clock.set(minutes(30));
      expect((await b.runDue()).map((r) => r.outcome)).toEqual(["succeeded"]);
      expect(imported()[1]).toEqual(expect.objectContaining({ added: 0, retired: 1 }));
      expect(await status("artist-web")).toBe("retired");

      // A broken file: the operator reads why in the log, and the CMDB keeps what it had.
      writeFileSync(join(catalog, "broken.yaml"), readFileSync(join(fixtures, "bad-kind/catalog-info.yaml")));
      const before = await db().handle.db.configItem.findMany({ orderBy: { key: "asc" } });
      clock.set(minutes(60));
      await a.runDue();
      const errors = captured.lines().filter((line) => line.level === 50);
      expect(errors).toEqual([
        expect.objectContaining({
          path: catalog,
          problems: [expect.stringContaining('kind "Widget" is not one OpsDesk imports')],
        }),
      ]);
      expect(await db().handle.db.configItem.findMany({ orderBy: { key: "asc" } })).toEqual(before);
    });
  });
});
