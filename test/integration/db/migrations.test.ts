import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { DatabaseLocation } from "../../../src/db/location.js";
import { migrateDatabase } from "../../../src/db/migrate.js";
import { readMigrations } from "../../../src/db/migration-files.js";
import { readCatalog } from "../../support/catalog.js";
import { createTestDatabase } from "../../support/databases.js";
import { postgresAvailability } from "../../support/postgres.js";
import { schemaCreationScript } from "../../support/schema-script.js";

const postgres = await postgresAvailability();

async function executeScript(location: DatabaseLocation, sql: string): Promise<void> {
  if (location.provider === "sqlite") {
    const db = new Database(location.filename);
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

for (const provider of ["sqlite", "postgresql"] as const) {
  const run = provider === "sqlite" || postgres.available ? describe : describe.skip;

  run(`GIVEN the ${provider} migration history`, () => {
    it("THEN the migrated database matches the data model exactly (no drift)", async () => {
      const migrated = await createTestDatabase(provider);
      const fromSchema = await createTestDatabase(provider, { migrate: false });
      try {
        await executeScript(fromSchema.location, await schemaCreationScript(provider));
        expect(await readCatalog(migrated.location)).toEqual(await readCatalog(fromSchema.location));
      } finally {
        await migrated.dispose();
        await fromSchema.dispose();
      }
    }, 60_000);

    it("THEN a second start applies nothing", async () => {
      const database = await createTestDatabase(provider, { migrate: false });
      try {
        const first = await migrateDatabase(database.location);
        expect(first.applied).toEqual(readMigrations(provider).map((m) => m.name));
        expect(first.emptyBefore).toBe(true);
        const second = await migrateDatabase(database.location);
        expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length, emptyBefore: false });
      } finally {
        await database.dispose();
      }
    });

    it("THEN replicas starting at once apply each migration exactly once", async () => {
      const database = await createTestDatabase(provider, { migrate: false });
      try {
        const results = await Promise.all(
          Array.from({ length: 6 }, () => migrateDatabase(database.location)),
        );
        const appliedEverywhere = results.flatMap((r) => r.applied);
        expect(appliedEverywhere.sort()).toEqual(readMigrations(provider).map((m) => m.name));
      } finally {
        await database.dispose();
      }
    });

    it("THEN a migration edited after it was applied stops start-up with an explanation", async () => {
      const database = await createTestDatabase(provider);
      try {
        const edited = readMigrations(provider).map((m, i) => (i === 0 ? { ...m, checksum: "changed" } : m));
        await expect(migrateDatabase(database.location, edited)).rejects.toThrow(
          /was edited after it was applied/,
        );
      } finally {
        await database.dispose();
      }
    });
  });
}
