import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory holding package.json. Source runs from src/ and the build from dist/src/, at different
 * depths, so the root is found by walking up rather than by a fixed relative path.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("OpsDesk could not find its project root (package.json + prisma/)");
    dir = parent;
  }
}
