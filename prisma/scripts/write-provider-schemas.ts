// Writes prisma/<provider>/schema.prisma from the one source, prisma/models.prisma.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { renderProviderSchema } from "../../src/db/schema-source.js";
import { type ProviderName, providers } from "./providers.js";

const root = new URL("../../", import.meta.url);
const models = readFileSync(new URL("prisma/models.prisma", root), "utf8");
for (const provider of providers as readonly ProviderName[]) {
  const dir = new URL(`prisma/${provider}/`, root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("schema.prisma", dir), renderProviderSchema(provider, models));
}
