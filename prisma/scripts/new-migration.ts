// Adds a migration to every provider's history: the SQL that takes the last migrated schema to the current
// data model (prisma/models.prisma and src/practices/*/models.prisma). Usage: npm run db:migration <name>
// Diffing a PostgreSQL schema needs a reachable server (OPSDESK_PRISMA_CLI_URL, default the local one).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providers } from "./providers.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration <name>   (lowercase letters, digits and underscores)");
  process.exit(2);
}

const root = new URL("../../", import.meta.url).pathname;
execFileSync("npx", ["tsx", "prisma/scripts/write-provider-schemas.ts"], { cwd: root, stdio: "inherit" });

for (const provider of providers) {
  const dir = join(root, "prisma", provider, "migrations");
  mkdirSync(dir, { recursive: true });
  const snapshot = join(dir, "schema.snapshot.prisma");
  const current = join(root, "prisma", provider, "schema.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--config",
      "prisma/prisma.config.ts",
      ...from,
      "--to-schema-datamodel",
      current,
      "--script",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        OPSDESK_PRISMA_PROVIDER: provider,
        OPSDESK_PRISMA_CLI_URL:
          provider === "postgresql"
            ? (process.env.OPSDESK_PRISMA_CLI_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")
            : ":memory:",
      },
    },
  );
  const statements = sql.replace(/^--.*$/gm, "").trim();
  if (statements === "" || statements === "-- This is an empty migration.") {
    console.log(`${provider}: no changes`);
    continue;
  }
  const number = String(readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).length + 1).padStart(4, "0");
  const target = join(dir, `${number}_${name}`);
  mkdirSync(target);
  writeFileSync(join(target, "migration.sql"), sql);
  copyFileSync(current, snapshot);
  console.log(`${provider}: wrote ${target}/migration.sql`);
}
