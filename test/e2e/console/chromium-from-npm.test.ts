// A machine with only Node and npm: no system Chromium (its path hidden here), no OPSDESK_TEST_CHROMIUM.
// The browser tests then drive the Chromium that `npm ci` installed (@sparticuz/chromium), for real.
import { describe, expect, it } from "vitest";
import { findChromium, launchChromium } from "../../support/browser.js";

describe("GIVEN no system Chromium and no OPSDESK_TEST_CHROMIUM", () => {
  it("THEN the Chromium from the npm package runs a page headless", async () => {
    const choice = await findChromium({
      explicitPath: undefined,
      systemPath: "/nonexistent/usr/bin/chromium",
    });
    expect(choice.source).toBe("@sparticuz/chromium");
    expect(choice.path).toMatch(/node_modules\/\.cache\/opsdesk-chromium\/[\d.]+\/chromium$/);

    const browser = await launchChromium(choice);
    try {
      const page = await browser.newPage();
      await page.setContent(`<button onclick="this.textContent = 'Acknowledged'">Acknowledge</button>`);
      await page.getByRole("button", { name: "Acknowledge" }).click();
      await expect(page.getByRole("button").textContent()).resolves.toBe("Acknowledged");
    } finally {
      await browser.close();
    }
  });
});
