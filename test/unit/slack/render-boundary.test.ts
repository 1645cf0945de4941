// The renderer is pure: view model in, Block Kit out. It must not reach into the app, the database, the
// Slack listeners or another platform's adapter, so it stays testable without any of them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";

const root = projectRoot();
const renderDir = join(root, "src", "adapters", "slack", "render");

const allowedLocal = [join("src", "core"), join("src", "adapters", "slack", "render")];
const allowedPackages = new Set(["@slack/bolt", "zod"]);

function importsOf(source: string): string[] {
  const pattern = /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/g;
  return Array.from(source.matchAll(pattern), (match) => (match[1] ?? match[2]) as string);
}

describe("GIVEN the Slack renderer's source files", () => {
  const files = readdirSync(renderDir).filter((name) => name.endsWith(".ts"));

  it("THEN they import only the core, each other, Bolt's types and zod", () => {
    const violations: string[] = [];
    for (const name of files) {
      const file = join(renderDir, name);
      for (const specifier of importsOf(readFileSync(file, "utf8"))) {
        const ok = specifier.startsWith(".")
          ? allowedLocal.some((dir) => relative(root, resolve(file, "..", specifier)).startsWith(dir))
          : allowedPackages.has(specifier);
        if (!ok) violations.push(`${name} imports ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });
});
