// The SQL that creates, from nothing, the database the current data model (prisma/models.prisma and the
// practices' models.prisma) describes, produced by
// the Prisma CLI exactly as `npm run db:migration` does.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type DatabaseProvider, readModelSources, renderProviderSchema } from "../../src/db/schema-source.js";
import { projectRoot } from "../../src/paths.js";
import { postgresAdminUrl } from "./postgres.js";

const run = promisify(execFile);

export async function schemaCreationScript(provider: DatabaseProvider): Promise<string> {
  const root = projectRoot();
  const models = readModelSources(root);
  const dir = await mkdtemp(join(tmpdir(), "opsdesk-schema-"));
  const schemaFile = join(dir, "schema.prisma");
  await writeFile(schemaFile, renderProviderSchema(provider, models));
  const { stdout } = await run(
    join(root, "node_modules", ".bin", "prisma"),
    [
      "migrate",
      "diff",
      "--config",
      "prisma/prisma.config.ts",
      "--from-empty",
      "--to-schema-datamodel",
      schemaFile,
      "--script",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        OPSDESK_PRISMA_PROVIDER: provider,
        OPSDESK_PRISMA_CLI_URL: provider === "postgresql" ? postgresAdminUrl : ":memory:",
      },
    },
  );
  return stdout;
}
