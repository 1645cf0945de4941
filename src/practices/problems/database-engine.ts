import type { Db } from "../../db/client.js";

export type DatabaseEngine = "sqlite" | "postgresql";

/**
 * Which engine the client talks to, for the one query that cannot be portable: full-text search (FTS5 on
 * SQLite, tsvector on PostgreSQL). Read from the Prisma client's active provider, because PracticeEnv does
 * not carry the database location; if the kernel ever hands practices the engine, use that instead.
 */
export function databaseEngine(db: Db): DatabaseEngine {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`known-error search does not know the database provider ${String(provider)}`);
}
