// Access to the real PostgreSQL server for the integration suite. Each caller gets its own throw-away
// database so test files can run in parallel.
import { randomUUID } from "node:crypto";
import pg from "pg";

export const postgresAdminUrl =
  process.env.OPSDESK_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type PostgresAvailability = { available: true } | { available: false; reason: string };

let cached: Promise<PostgresAvailability> | undefined;

export function postgresAvailability(): Promise<PostgresAvailability> {
  cached ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
      return { available: true } as const;
    } catch (error) {
      return { available: false, reason: `${postgresAdminUrl}: ${(error as Error).message}` } as const;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return cached;
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `opsdesk_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
