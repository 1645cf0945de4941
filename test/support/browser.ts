// Headless Chromium for the console's browser tests, driven by playwright-core (`npx playwright install`
// cannot download anything here). Which Chromium, in this order:
//   1. OPSDESK_TEST_CHROMIUM, when set: that binary, and a missing one fails (never a silent fallback);
//   2. the Chromium inside the `@sparticuz/chromium` npm package (a devDependency pinned in the lockfile, so
//      `npm ci` brings the same browser to every machine and to CI): decompressed once into
//      node_modules/.cache/opsdesk-chromium/<version>/ from the package's own files (it downloads nothing);
//   3. the system's Chromium at /usr/bin/chromium (Debian's `chromium`), where the package has no binary
//      (it ships x86-64 Linux only).
// There is no skip: without a usable browser the tests fail and say how to get one.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";
import { projectRoot } from "../../src/paths.js";

export const systemChromiumPath = "/usr/bin/chromium";

export type ChromiumSource = "OPSDESK_TEST_CHROMIUM" | "system" | "@sparticuz/chromium";

export interface ChromiumChoice {
  path: string;
  source: ChromiumSource;
}

export interface FindChromiumOptions {
  /** The explicit choice; defaults to process.env.OPSDESK_TEST_CHROMIUM. */
  explicitPath?: string | undefined;
  /** Where the system's Chromium would be (the fallback); tests point it at a missing path to hide it. */
  systemPath?: string;
}

const howToGetOne =
  "`npm ci` installs one (@sparticuz/chromium, x86-64 Linux); elsewhere install chromium (apt-get install chromium) " +
  "or point OPSDESK_TEST_CHROMIUM at a Chromium binary.";

/** The Chromium the browser tests will drive (see the order at the top of this file). */
export async function findChromium(options: FindChromiumOptions = {}): Promise<ChromiumChoice> {
  const explicit = "explicitPath" in options ? options.explicitPath : process.env.OPSDESK_TEST_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new Error(
        `The console's browser tests need Chromium: OPSDESK_TEST_CHROMIUM=${explicit} does not exist.`,
      );
    }
    return { path: explicit, source: "OPSDESK_TEST_CHROMIUM" };
  }
  const systemPath = options.systemPath ?? systemChromiumPath;
  try {
    return { path: await packagedChromium(), source: "@sparticuz/chromium" };
  } catch (error) {
    if (existsSync(systemPath)) return { path: systemPath, source: "system" };
    throw error;
  }
}

export async function launchChromium(choice?: ChromiumChoice): Promise<Browser> {
  const { path } = choice ?? (await findChromium());
  return chromium.launch({
    executablePath: path,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

let unpacking: Promise<string> | undefined;

/**
 * The npm package's Chromium, decompressed once per package version. The package decompresses into
 * os.tmpdir() (and reuses whatever `chromium` it finds there, whatever its version), so it runs in a child
 * process whose TMPDIR is a fresh directory next to the cache, renamed into place when complete: parallel
 * test files and concurrent runs never see half a binary.
 */
function packagedChromium(): Promise<string> {
  unpacking ??= (async () => {
    if (process.platform !== "linux" || process.arch !== "x64") {
      throw new Error(
        `The console's browser tests need Chromium; none at ${systemChromiumPath}. ${howToGetOne}`,
      );
    }
    let packageDir: string;
    try {
      packageDir = dirname(dirname(dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium"))));
    } catch {
      throw new Error(
        `The console's browser tests need Chromium; none at ${systemChromiumPath} and no @sparticuz/chromium. ${howToGetOne}`,
      );
    }
    const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
      version: string;
    };
    const cacheRoot = join(projectRoot(), "node_modules", ".cache", "opsdesk-chromium");
    const target = join(cacheRoot, version);
    const binary = join(target, "chromium");
    if (existsSync(binary)) return binary;
    mkdirSync(cacheRoot, { recursive: true });
    const partial = mkdtempSync(join(cacheRoot, `${version}.partial-`));
    try {
      const script =
        "const { default: c } = await import('@sparticuz/chromium'); process.stdout.write(await c.executablePath());";
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
        cwd: projectRoot(),
        env: { ...process.env, TMPDIR: partial },
      });
      if (stdout !== join(partial, "chromium")) throw new Error(`@sparticuz/chromium unpacked to ${stdout}`);
      try {
        renameSync(partial, target);
      } catch (error) {
        // Another process finished first: keep its copy.
        if (!existsSync(binary)) throw error;
      }
      return binary;
    } catch (error) {
      throw new Error(
        `Could not unpack the Chromium of @sparticuz/chromium ${version}: ${(error as Error).message}. ${howToGetOne}`,
      );
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  })();
  return unpacking;
}
