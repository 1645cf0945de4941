import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths.js";
import type { DatabaseProvider } from "./schema-source.js";

export interface MigrationFile {
  /** Folder name, e.g. `0001_init`; the order of application is the lexical order of names. */
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(provider: DatabaseProvider, root = projectRoot()): string {
  return join(root, "prisma", provider, "migrations");
}

export function readMigrations(provider: DatabaseProvider, root = projectRoot()): MigrationFile[] {
  const dir = migrationsDir(provider, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
