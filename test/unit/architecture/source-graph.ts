import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { projectRoot } from "../../../src/paths.js";

export const root = projectRoot();

/** One import: the importing file and what it names, resolved to a path under src when it is local. */
export interface Import {
  readonly from: string;
  readonly specifier: string;
  /** `src/kernel/errors.ts`, or undefined for a package. */
  readonly local: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.name === "generated"
      ? []
      : entry.isDirectory()
        ? sourceFiles(join(dir, entry.name))
        : entry.name.endsWith(".ts")
          ? [join(dir, entry.name)]
          : [],
  );
}

const pattern =
  /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']/g;

export function importsIn(path: string, source: string): Import[] {
  return [...source.matchAll(pattern)].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3]) as string;
    const local = specifier.startsWith(".")
      ? relative(root, resolve(path, "..", specifier)).replace(/\.js$/, ".ts")
      : undefined;
    return { from: relative(root, path), specifier, local };
  });
}

/** Every import of every file under src (generated Prisma clients aside). */
export function sourceImports(): Import[] {
  return sourceFiles(join(root, "src")).flatMap((path) => importsIn(path, readFileSync(path, "utf8")));
}

/**
 * The top-level area a file belongs to: `kernel`, `desk`, `practices/incidents` (each practice is its own
 * area), `adapters/slack`, `app`, … Files directly under src/ or src/practices/ (main.ts, the practice
 * list, the practice environment) are areas of their own.
 */
export function areaOf(path: string): string {
  const parts = path.replace(/\.ts$/, "").split("/").slice(1);
  if (parts.length === 1) return parts[0] as string;
  if (parts[0] === "practices" || parts[0] === "adapters") return parts.slice(0, 2).join("/");
  return parts[0] as string;
}

/** Area-level import cycles, each written `a -> b -> a`. */
export function areaCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { from, local } of imports) {
    if (local === undefined) continue;
    const [a, b] = [areaOf(from), areaOf(local)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)?.add(b);
  }
  const cycles = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) cycles.add([...path, start].join(" -> "));
      else if (!path.includes(next) && path.length < 6) walk(start, next, [...path, next]);
    }
  };
  for (const area of edges.keys()) walk(area, area, [area]);
  // One cycle is found once per area on it; keep the rotation that starts with the smallest name.
  return [...cycles].filter((cycle) => {
    const names = cycle.split(" -> ").slice(0, -1);
    return names[0] === [...names].sort()[0];
  });
}
