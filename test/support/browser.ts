// Headless Chromium for the console's browser tests: Debian's package, driven by playwright-core (no
// browser download is possible here). A missing browser fails the test with how to install it.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath = process.env.OPSDESK_TEST_CHROMIUM ?? "/usr/bin/chromium";

export async function launchChromium(path = chromiumPath): Promise<Browser> {
  if (!existsSync(path)) {
    throw new Error(
      `The console's browser tests need Chromium at ${path}; install chromium: apt-get install chromium (or point OPSDESK_TEST_CHROMIUM at a Chromium binary). .ci/run installs it when missing.`,
    );
  }
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
