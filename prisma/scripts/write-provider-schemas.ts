// Writes prisma/<provider>/schema.prisma from the one source, prisma/models.prisma.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { providers, type ProviderName } from "./providers.js";
import { renderProviderSchema } from "../../src/db/schema-source.js";

const root = new URL("../../", import.meta.url);
const models = readFileSync(new URL("prisma/models.prisma", root), "utf8");
for (const provider of providers as readonly ProviderName[]) {
  const dir = new URL(`prisma/${provider}/`, root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("schema.prisma", dir), renderProviderSchema(provider, models));
}
