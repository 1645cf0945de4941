// Principle 1: the core knows no platform. This fails the build when anything under src/core imports a
// chat SDK, an HTTP framework or server, or an adapter.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";

const root = projectRoot();
const coreDir = join(root, "src", "core");

const forbiddenPackages = [
  /^@slack\//,
  /^discord\.js$/,
  /^discord-api-types/,
  /^@discordjs\//,
  /^express$/,
  /^fastify$/,
  /^koa$/,
  /^hono$/,
  /^ws$/,
  /^node:(http|https|http2|net)$/,
  /^(http|https|http2|net)$/,
  /^pino$/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3]) as string);
  return specifiers;
}

describe("GIVEN the source files under src/core", () => {
  const files = sourceFiles(coreDir);

  it("THEN there are files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("THEN none imports a chat SDK, an HTTP framework or server, or an adapter", () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(file, "utf8"))) {
        const local = specifier.startsWith(".") ? relative(root, resolve(file, "..", specifier)) : null;
        const bad = local
          ? local.startsWith(join("src", "adapters")) || local.startsWith(join("src", "http"))
          : forbiddenPackages.some((pattern) => pattern.test(specifier));
        if (bad) violations.push(`${relative(root, file)} imports ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("THEN the check itself recognises a forbidden import", () => {
    expect(
      importsOf(`import { App } from "@slack/bolt";\nimport type { X } from "../../adapters/slack/app.js";`),
    ).toEqual(["@slack/bolt", "../../adapters/slack/app.js"]);
  });
});
