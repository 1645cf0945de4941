// Principle 3: the renderer turns neutral views into Discord JSON and nothing else. It may read the core's
// view model and Discord's types, never the app, the database or another adapter.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";

const root = projectRoot();
const renderDir = join(root, "src", "adapters", "discord", "render");
const allowedPackages = new Set(["discord.js", "discord-api-types/v10"]);

function importsOf(source: string): string[] {
  const pattern = /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? "");
}

describe("GIVEN the Discord renderer's source files", () => {
  const files = readdirSync(renderDir).filter((name) => name.endsWith(".ts"));

  it("THEN they import only the core, Discord's types and each other", () => {
    const violations: string[] = [];
    for (const file of files) {
      const path = join(renderDir, file);
      for (const specifier of importsOf(readFileSync(path, "utf8"))) {
        const local = specifier.startsWith(".") ? relative(root, resolve(path, "..", specifier)) : undefined;
        const allowed =
          local === undefined
            ? allowedPackages.has(specifier)
            : local.startsWith(join("src", "core")) ||
              local.startsWith(join("src", "adapters", "discord", "render"));
        if (!allowed) violations.push(`${file} imports ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });
});
