import { expect, it } from "vitest";
import { launchChromium } from "../../support/browser.js";

it("GIVEN no Chromium on the machine THEN the browser tests fail saying how to install it, never skip", async () => {
  await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(
    "install chromium: apt-get install chromium",
  );
});
