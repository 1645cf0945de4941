/**
 * The per-provider Prisma schema is the provider header plus the shared models. Kept in src so the drift
 * test and the schema writer produce exactly the same text.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export function renderProviderSchema(provider: DatabaseProvider, models: string): string {
  return `// GENERATED from prisma/models.prisma by prisma/scripts/write-provider-schemas.ts. Do not edit.
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
