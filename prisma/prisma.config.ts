// Prisma CLI configuration. The CLI only generates clients and diffs schemas (migrations are applied by
// OpsDesk itself, src/db/migrate.ts). Prisma 6 downloads a native schema engine unless the JavaScript
// engine is selected with a driver adapter, and no download is possible offline, hence engine "js".
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const provider = process.env.OPSDESK_PRISMA_PROVIDER ?? "sqlite";

export default defineConfig({
  // Named here rather than with --schema: the CLI decides which engines it needs from this path before it
  // reads its arguments, and falls back to downloading the native query engine when it finds no schema.
  schema: `${provider}/schema.prisma`,
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (provider === "postgresql") {
      return new PrismaPg({
        connectionString: process.env.OPSDESK_PRISMA_CLI_URL ?? "postgresql://127.0.0.1/postgres",
      });
    }
    return new PrismaBetterSQLite3({ url: process.env.OPSDESK_PRISMA_CLI_URL ?? ":memory:" });
  },
});
