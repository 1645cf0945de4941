// A provider's catalog (tables, columns, indexes, foreign keys) in a comparable form, used to prove that
// the migration history builds exactly the database the schema describes.
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseLocation } from "../../src/db/location.js";

const ignoredTables = new Set(["_opsdesk_migrations"]);

/**
 * Objects a migration creates with raw SQL because Prisma cannot express them, so the schema-built database
 * lacks them: the known errors' full-text search (an FTS5 table and its shadow tables on SQLite, a GIN
 * expression index on PostgreSQL; src/practices/problems). test/integration/problems proves they work.
 */
const rawSqlTable = (name: string) => name.startsWith("KnownErrorSearch");
const rawSqlIndexes = new Set(["KnownError_search_idx"]);

export async function readCatalog(location: DatabaseLocation): Promise<Record<string, unknown>> {
  return location.provider === "sqlite" ? sqliteCatalog(location.filename) : postgresCatalog(location.url);
}

function sqliteCatalog(filename: string): Record<string, unknown> {
  const db = new Database(filename, { readonly: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((name) => !ignoredTables.has(name) && !rawSqlTable(name))
      .sort();
    const catalog: Record<string, unknown> = {};
    for (const table of tables) {
      catalog[table] = {
        columns: db.pragma(`table_info("${table}")`),
        foreignKeys: db.pragma(`foreign_key_list("${table}")`),
        indexes: (db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[])
          .map((index) => ({
            name: index.name,
            unique: index.unique,
            origin: index.origin,
            columns: (db.pragma(`index_info("${index.name}")`) as { name: string }[]).map((c) => c.name),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
    return catalog;
  } finally {
    db.close();
  }
}

async function postgresCatalog(url: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, ordinal_position
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> ALL($1)
         ORDER BY table_name, ordinal_position`,
      [[...ignoredTables]],
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename, indexname`,
      [[...ignoredTables]],
    );
    const constraints = await client.query(
      `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' ORDER BY 1, 2`,
    );
    return {
      columns: columns.rows,
      indexes: indexes.rows.filter((r) => !rawSqlIndexes.has(String(r.indexname))),
      constraints: constraints.rows.filter(
        (r) => !ignoredTables.has(String(r.table_name).replaceAll('"', "")),
      ),
    };
  } finally {
    await client.end();
  }
}
