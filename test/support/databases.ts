// Runs an integration suite once per database provider against a real SQLite file and a real PostgreSQL
// server, each test file on its own fresh database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { type DatabaseHandle, type Db, openDatabase } from "../../src/db/client.js";
import type { DatabaseLocation } from "../../src/db/location.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { createScratchDatabase, postgresAvailability } from "./postgres.js";

export interface TestDatabase {
  provider: "sqlite" | "postgresql";
  location: DatabaseLocation;
  handle: DatabaseHandle;
}

const postgres = await postgresAvailability();

/** A fresh, migrated database of the given provider, with a disposer. */
export async function createTestDatabase(
  provider: "sqlite" | "postgresql",
  options: { migrate?: boolean } = {},
): Promise<{ location: DatabaseLocation; dispose: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "opsdesk-test-"));
    const filename = join(dir, "opsdesk.db");
    const location: DatabaseLocation = { provider, filename, display: filename };
    if (options.migrate !== false) await migrateDatabase(location);
    return { location, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchDatabase();
  const location: DatabaseLocation = { provider, url: scratch.url, display: scratch.url };
  if (options.migrate !== false) await migrateDatabase(location);
  return { location, dispose: scratch.drop };
}

/**
 * `describe` once for SQLite and once for PostgreSQL. When no PostgreSQL server is reachable the
 * PostgreSQL half is skipped, and the global setup prints a banner (or fails the run under CI=true).
 */
export function describeEachDatabase(name: string, body: (db: () => TestDatabase) => void): void {
  for (const provider of ["sqlite", "postgresql"] as const) {
    const run = provider === "sqlite" || postgres.available ? describe : describe.skip;
    run(`${name} [${provider}]`, () => {
      let current: TestDatabase | undefined;
      let dispose: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const created = await createTestDatabase(provider);
        dispose = created.dispose;
        current = { provider, location: created.location, handle: await openDatabase(created.location) };
      });
      afterAll(async () => {
        await current?.handle.close();
        await dispose?.();
      });
      body(() => {
        if (!current) throw new Error("test database not ready");
        return current;
      });
    });
  }
}

/**
 * A second replica's view of the suite's database, for tests of work shared between processes: on
 * PostgreSQL its own connection pool, as a second process would have; SQLite is single-process by design,
 * so there the "replicas" share the one connection, as two components in one process would. Call inside a
 * `describeEachDatabase` body; opened before the tests and closed after.
 */
export function secondReplicaDb(database: () => TestDatabase): () => Db {
  let second: Db | undefined;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    if (database().provider === "sqlite") {
      second = database().handle.db;
      return;
    }
    const handle = await openDatabase(database().location);
    second = handle.db;
    close = handle.close;
  });
  afterAll(async () => close());
  return () => {
    if (!second) throw new Error("secondReplicaDb is only open inside the tests");
    return second;
  };
}
