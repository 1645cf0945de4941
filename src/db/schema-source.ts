import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The per-provider Prisma schema is the provider header plus the shared models. Kept in src so the drift
 * test and the schema writer produce exactly the same text.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * The data model's text: prisma/models.prisma (people, services, the outbox, the scheduler, the console: what
 * every practice shares) followed by each practice's own `src/practices/<practice>/models.prisma`, in folder
 * order. A practice's tables live in its folder so adding a practice touches no shared schema file beyond the
 * back-relations Prisma requires on the shared models.
 */
export function readModelSources(root: string): string {
  const parts = [readFileSync(join(root, "prisma", "models.prisma"), "utf8")];
  const practices = join(root, "src", "practices");
  const folders = readdirSync(practices, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const file = join(practices, folder, "models.prisma");
    if (existsSync(file))
      parts.push(`// ---- src/practices/${folder}/models.prisma\n${readFileSync(file, "utf8")}`);
  }
  return parts.join("\n");
}

export function renderProviderSchema(provider: DatabaseProvider, models: string): string {
  return `// GENERATED from prisma/models.prisma and src/practices/*/models.prisma by prisma/scripts/write-provider-schemas.ts. Do not edit.
generator client {
  provider   = "prisma-client"
  output     = "../../src/db/generated/${provider}"
  engineType = "client"
  previewFeatures = ["queryCompiler", "driverAdapters"]
  moduleFormat = "esm"
  importFileExtension = "js"
}

datasource db {
  provider = "${provider}"
  // A placeholder the CLI needs to resolve (without one it falls back to downloading a native engine).
  // OpsDesk never uses it: it connects through a driver adapter chosen from DATABASE_URL at run time.
  url      = "${provider === "sqlite" ? "file:./unused.db" : "postgresql://localhost/unused"}"
}

${models}`;
}
