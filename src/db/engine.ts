import type { Db } from "./client.js";

export type DatabaseEngine = "sqlite" | "postgresql";

/**
 * Which engine the client talks to, for the few queries that cannot be portable (full-text search, date
 * arithmetic in report aggregates). Read from the Prisma client's active provider, because PracticeEnv does
 * not carry the database location; if the kernel ever hands practices the engine, use that instead.
 */
export function databaseEngine(db: Db): DatabaseEngine {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`OpsDesk does not know the database provider ${String(provider)}`);
}
