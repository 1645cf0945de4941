import { expect, it } from "vitest";
import { findChromium } from "../../support/browser.js";

it("GIVEN OPSDESK_TEST_CHROMIUM names a missing binary THEN the browser tests fail saying so, never skip nor fall back", async () => {
  await expect(findChromium({ explicitPath: "/nonexistent/chromium" })).rejects.toThrow(
    "OPSDESK_TEST_CHROMIUM=/nonexistent/chromium does not exist",
  );
});
