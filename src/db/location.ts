import { isAbsolute, resolve } from "node:path";

export type DatabaseLocation =
  | { provider: "sqlite"; filename: string; display: string }
  | { provider: "postgresql"; url: string; display: string };

export const defaultSqliteFile = "./data/opsdesk.db";

/**
 * The provider is chosen at run time from DATABASE_URL, never by rebuilding: unset means the embedded
 * SQLite file, `file:` an explicit SQLite file, `postgres(ql)://` a PostgreSQL server.
 */
export function locateDatabase(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseLocation {
  if (!databaseUrl) {
    const filename = resolve(cwd, defaultSqliteFile);
    return { provider: "sqlite", filename, display: filename };
  }
  if (databaseUrl.startsWith("file:")) {
    const path = databaseUrl.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    const filename = path === ":memory:" || isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: "sqlite", filename, display: filename };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return { provider: "postgresql", url: databaseUrl, display: url.toString() };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${databaseUrl.slice(0, 40)}"`,
  );
}
