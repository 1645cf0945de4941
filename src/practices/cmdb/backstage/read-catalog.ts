import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

/** One entity as written in a catalog file (https://backstage.io/docs/features/software-catalog/descriptor-format). */
export interface CatalogEntity {
  readonly file: string;
  /** 1-based, for multi-document files. */
  readonly document: number;
  readonly kind: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly spec: Readonly<Record<string, unknown>>;
}

export interface CatalogRead {
  readonly files: readonly string[];
  readonly entities: readonly CatalogEntity[];
  readonly problems: readonly string[];
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every YAML file named, and every .yaml/.yml file under each folder named, read as catalog entities. */
export async function readCatalog(paths: readonly string[]): Promise<CatalogRead> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const found = await stat(absolute).catch(() => undefined);
    if (!found) problems.push(`${path}: no such file or folder.`);
    else if (found.isDirectory()) files.push(...(await yamlFilesUnder(absolute)));
    else files.push(absolute);
  }
  const entities: CatalogEntity[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    parseAllDocuments(text).forEach((doc, index) => {
      const where = `${file} (document ${index + 1})`;
      if ("errors" in doc && doc.errors.length > 0) {
        problems.push(`${where}: not valid YAML: ${doc.errors[0]?.message.split("\n")[0]}`);
        return;
      }
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) return;
      if (!isMapping(value) || typeof value.kind !== "string") {
        problems.push(`${where}: not a catalog entity (it needs kind, metadata and spec).`);
        return;
      }
      entities.push({
        file,
        document: index + 1,
        kind: value.kind,
        metadata: isMapping(value.metadata) ? value.metadata : {},
        spec: isMapping(value.spec) ? value.spec : {},
      });
    });
  }
  return { files, entities, problems };
}

async function yamlFilesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await yamlFilesUnder(path)));
    else if (/\.ya?ml$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}
