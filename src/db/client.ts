import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import type { DatabaseLocation } from "./location.js";
import { yieldingAdapterFactory } from "./yielding-adapter.js";

/**
 * The Prisma client type the rest of OpsDesk is written against. Both generated clients expose the same
 * model API (they come from one model source); the SQLite one is used as the common type because it is
 * the narrower of the two: code that type-checks against it runs on PostgreSQL too.
 */
export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client.js";

/** A transaction-scoped client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface DatabaseHandle {
  location: DatabaseLocation;
  db: Db;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection pool size per process. */
  poolSize?: number;
}

/**
 * Opens the database through the driver adapter for its provider. The generated client and the driver
 * adapter of the provider in use are imported here, on demand: a process loads one engine's client and
 * driver, never both (each generated client carries its whole data model).
 *
 * SQLite quirk worth knowing: the better-sqlite3 adapter uses ONE connection and serialises interactive
 * transactions with a mutex, but a plain query issued while another request's transaction is open runs
 * inside that transaction. OpsDesk therefore performs every write inside `db.$transaction`.
 */
export async function openDatabase(
  location: DatabaseLocation,
  options: DatabaseOptions = {},
): Promise<DatabaseHandle> {
  if (location.provider === "sqlite") {
    const [{ PrismaBetterSQLite3 }, { PrismaClient: SqliteClient }] = await Promise.all([
      import("@prisma/adapter-better-sqlite3"),
      import("./generated/sqlite/client.js"),
    ]);
    if (location.filename !== ":memory:") mkdirSync(dirname(location.filename), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: `file:${location.filename}`, timeout: 15_000 });
    const db = new SqliteClient({ adapter: yieldingAdapterFactory(adapter) });
    return { location, db, close: () => db.$disconnect() };
  }
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("./generated/postgresql/client.js"),
  ]);
  const adapter = new PrismaPg({ connectionString: location.url, max: options.poolSize ?? 10 });
  const client = new PostgresClient({ adapter });
  return { location, db: client as unknown as Db, close: () => client.$disconnect() };
}

/**
 * Interactive transactions wait for each other (SQLite: one writer; PostgreSQL: row locks). The defaults
 * (2 s to start, 5 s to run) are too tight for a burst of concurrent creates queueing behind one another.
 */
export const transactionOptions = { maxWait: 20_000, timeout: 20_000 } as const;
