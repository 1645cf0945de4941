import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
// The drivers are imported by provider (below): a process only ever loads the one it migrates.
import type { DatabaseLocation } from "./location.js";
import { type MigrationFile, readMigrations } from "./migration-files.js";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** The database held no tables at all before this start: OpsDesk is creating it now. */
  emptyBefore: boolean;
}

/** Thrown when the database's history and the shipped migrations disagree; start-up must stop. */
export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
}

const historyTable = "_opsdesk_migrations";

// Any constant works; it names OpsDesk's migration lock among all advisory locks on the server.
const POSTGRES_MIGRATION_LOCK = 4_242_424_242;

/**
 * Applies the provider's pending migrations. OpsDesk runs its own migration step because `prisma migrate
 * deploy` fails against PostgreSQL through a driver adapter (prisma/prisma#27403). Each migration runs in
 * its own transaction together with its history row, so a crash leaves the database at a migration
 * boundary. A second start applies nothing.
 */
export async function migrateDatabase(
  location: DatabaseLocation,
  migrations: MigrationFile[] = readMigrations(location.provider),
): Promise<MigrationResult> {
  if (location.provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    return migrateSqlite(Database, location.filename, migrations);
  }
  return migratePostgres(location.url, migrations);
}

function pending(applied: Map<string, string>, migrations: MigrationFile[]): MigrationFile[] {
  for (const [name, checksum] of applied) {
    const shipped = migrations.find((m) => m.name === name);
    if (!shipped) {
      throw new MigrationHistoryError(
        `The database has migration ${name}, which this version of OpsDesk does not ship. ` +
          "It was migrated by a newer OpsDesk; run that version or restore a backup.",
      );
    }
    if (shipped.checksum !== checksum) {
      throw new MigrationHistoryError(
        `Migration ${name} was edited after it was applied. Restore its original text and add a new migration.`,
      );
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function migrateSqlite(
  Database: typeof import("better-sqlite3"),
  filename: string,
  migrations: MigrationFile[],
): MigrationResult {
  // First start on a fresh clone: ./data does not exist yet.
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: 15_000 });
  try {
    // WAL lets readers proceed while one writer commits; it is a property of the file and persists.
    db.pragma("journal_mode = WAL");
    const { tables } = db
      .prepare("SELECT count(*) AS tables FROM sqlite_master WHERE type = 'table'")
      .get() as { tables: number };
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${historyTable}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    // BEGIN IMMEDIATE takes the write lock up front, so two processes starting together on one file
    // serialise here instead of both deciding the same migration is pending.
    db.exec("BEGIN IMMEDIATE");
    try {
      const rows = db.prepare(`SELECT name, checksum FROM "${historyTable}"`).all() as {
        name: string;
        checksum: string;
      }[];
      const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
      const record = db.prepare(
        `INSERT INTO "${historyTable}" (name, checksum, applied_at) VALUES (?, ?, ?)`,
      );
      for (const migration of todo) {
        db.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      }
      db.exec("COMMIT");
      return { applied: todo.map((m) => m.name), alreadyApplied: rows.length, emptyBefore: tables === 0 };
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: MigrationFile[]): Promise<MigrationResult> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Replicas starting together queue on this session lock; the first migrates, the rest find nothing to do.
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    try {
      const before = await client.query<{ tables: string }>(
        "SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = current_schema()",
      );
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${historyTable}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
      );
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT name, checksum FROM "${historyTable}"`,
      );
      const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
      for (const migration of todo) {
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "${historyTable}" (name, checksum, applied_at) VALUES ($1, $2, now())`,
            [migration.name, migration.checksum],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new MigrationHistoryError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      return {
        applied: todo.map((m) => m.name),
        alreadyApplied: rows.length,
        emptyBefore: Number(before.rows[0]?.tables ?? 0) === 0,
      };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}
