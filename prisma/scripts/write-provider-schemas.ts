// Writes prisma/<provider>/schema.prisma from the one source: prisma/models.prisma and the practices'
// src/practices/*/models.prisma.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readModelSources, renderProviderSchema } from "../../src/db/schema-source.js";
import { type ProviderName, providers } from "./providers.js";

const root = new URL("../../", import.meta.url);
const models = readModelSources(fileURLToPath(root));
for (const provider of providers as readonly ProviderName[]) {
  const dir = new URL(`prisma/${provider}/`, root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("schema.prisma", dir), renderProviderSchema(provider, models));
}
