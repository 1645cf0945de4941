// A newcomer's first minutes in the console, in headless Chromium: OpsDesk started the way `npm start`
// starts on a fresh clone (no opsdesk.yaml, no chat credentials), so the console runs on its sandbox with
// its built-in people. Ends with the screenshot the README shows (docs/console.png).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";
import { launchChromium } from "../../support/browser.js";
import { type ConsoleWorld, startConsoleWorld } from "../../support/console-world.js";

let world: ConsoleWorld;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // An opsdesk.yaml with nothing in it means exactly the built-in defaults, as on a fresh clone (a named
  // OPSDESK_CONFIG that does not exist stops start-up).
  const config = join(mkdtempSync(join(tmpdir(), "opsdesk-browser-")), "opsdesk.yaml");
  writeFileSync(config, "# the built-in defaults\n");
  world = await startConsoleWorld({ OPSDESK_CONFIG: config });
  page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  // A missing element fails its step with a locator message, well inside the test's own timeout.
  page.setDefaultTimeout(10_000);
  // Buttons that alert many people ask first; the newcomer says yes.
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const card = (ref: string) => page.locator("#messages article.card", { hasText: `${ref} ·` });
const formDialog = () => page.locator("#form-dialog");

/** Ids of visible form controls that assistive technology could not name. */
function unlabelledControls(): Promise<string[]> {
  return page
    .locator("input:not([type=hidden]), select, textarea")
    .evaluateAll((controls) =>
      controls
        .filter(
          (c) =>
            (c as unknown as { labels: { length: number } }).labels.length === 0 &&
            !c.getAttribute("aria-label"),
        )
        .map((c) => c.id || c.outerHTML),
    );
}

async function send(text: string): Promise<void> {
  const box = page.getByLabel(/^Message #/);
  await box.fill(text);
  await box.press("Enter");
}

describe("GIVEN a newcomer who opens the console printed by npm start", () => {
  it("THEN they see the workspace as a requester, with channels from the config and people to switch to", async () => {
    const consoleUrl = world.opsdesk.consoleUrl;
    if (!consoleUrl) throw new Error("the console should be on");
    await page.goto(consoleUrl);
    await expect.poll(() => page.locator("html.js").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("#incidents");
    const channels = await page
      .getByRole("navigation", { name: "Channels" })
      .getByRole("link")
      .allTextContents();
    expect(channels.map((c) => c.split(" ")[0])).toEqual([
      "#incidents",
      "#approvals",
      "#sla-alerts",
      "#payments",
      "@rita",
    ]);
    const people = await page.getByLabel("Acting as").locator("option").allTextContents();
    expect(people).toEqual([
      "Rita Requester (requester)",
      "Ada Agent (agent, cab)",
      "Otto On-call (agent)",
      "Cleo CAB (cab)",
      "Alex Admin (admin)",
    ]);
    expect(await unlabelledControls()).toEqual([]);
  });

  it("THEN completion offers the registry's subcommands while they type", async () => {
    await page.getByLabel(/^Message #/).pressSequentially("/incident re");
    await expect
      .poll(() =>
        page.locator("#command-suggestions option").evaluateAll((o) => o.map((e) => e.getAttribute("value"))),
      )
      .toEqual(["/incident resume ", "/incident resolve ", "/incident reopen "]);
  });

  it("THEN a slash command raises an incident: a private confirmation, and the card arrives live", async () => {
    await send("/incident Checkout page times out impact:high urgency:medium");
    const confirmation = page.locator("#messages li.private", {
      hasText: "INC-1 is raised with priority P2",
    });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain("Only you can see this");
    await world.settle();
    await card("INC-1").waitFor();
    expect(await card("INC-1").locator(".badge").textContent()).toBe("New");
  });

  it("THEN bad input is explained privately, with the fix", async () => {
    await send("/incident shwo INC-1");
    const problem = page.locator("#messages li.private", { hasText: "Did you mean show?" });
    await problem.waitFor();
    expect(await problem.textContent()).toContain("Only you can see this");
  });

  it("THEN as an agent they acknowledge it, and the one card changes in place", async () => {
    // Choosing someone does nothing until Switch (a keyboard user's arrow keys must not reload the page).
    await page.getByLabel("Acting as").selectOption("ada");
    await page.getByRole("button", { name: "Switch" }).click();
    await page.waitForURL(/as=ada/);
    await card("INC-1").getByRole("button", { name: "Acknowledge" }).click();
    await world.settle();
    await expect.poll(() => card("INC-1").locator(".badge").textContent()).toBe("In progress");
    expect(await card("INC-1").count()).toBe(1);
    expect(await card("INC-1").textContent()).toContain("Ada Agent");
  });

  it("THEN they put it on hold through its form, with the keyboard", async () => {
    await card("INC-1").getByRole("button", { name: "Put on hold" }).focus();
    await page.keyboard.press("Enter");
    await formDialog().getByRole("heading", { name: "Put on hold" }).waitFor();
    expect(await unlabelledControls()).toEqual([]);
    await formDialog().getByLabel("Waiting for").selectOption("awaiting_vendor");
    await formDialog().getByLabel(/^Note/).fill("Vendor case 5521");
    await formDialog().getByRole("button", { name: "Put on hold" }).press("Enter");
    await world.settle();
    await expect.poll(() => card("INC-1").locator(".badge").textContent()).toBe("On hold");
    expect(await card("INC-1").textContent()).toContain("Awaiting vendor");
  });

  it("THEN they resume it", async () => {
    await card("INC-1").getByRole("button", { name: "Resume" }).click();
    await world.settle();
    await expect.poll(() => card("INC-1").locator(".badge").textContent()).toBe("In progress");
  });

  it("THEN resolving without saying what was done is explained under the field; with it, it resolves", async () => {
    await card("INC-1").getByRole("button", { name: "Resolve" }).click();
    await formDialog().getByLabel("Resolution").selectOption("fixed");
    await formDialog().getByRole("button", { name: "Resolve" }).click();
    const noteError = formDialog().locator("#field-note-error");
    await expect.poll(() => noteError.isVisible()).toBe(true);
    expect(await noteError.textContent()).toMatch(/empty|required/i);
    expect(await formDialog().getByLabel("What was done").getAttribute("aria-invalid")).toBe("true");
    await formDialog().getByLabel("What was done").fill("Scaled the checkout pods back up");
    await formDialog().getByRole("button", { name: "Resolve" }).click();
    await world.settle();
    await expect.poll(() => card("INC-1").locator(".badge").textContent()).toBe("Resolved");
    expect(await formDialog().isVisible()).toBe(false);
  });

  it("THEN the card's thread tells the incident's story", async () => {
    await page
      .locator("#messages")
      .getByRole("button", { name: /replies/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Thread · INC-1 · Checkout page times out" }).waitFor();
    const lines = await page.locator("#thread-messages li .text").allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.join("\n")).toMatch(/hold/i);
    expect(lines.join("\n")).toMatch(/resolved/i);
  });

  it("THEN a message written in the channel can become an incident with Raise incident", async () => {
    await send("Badge readers at the main entrance reject every card");
    const written = page.locator("#messages li", { hasText: "Badge readers at the main entrance" });
    await written.getByRole("button", { name: "Raise incident from this message" }).click();
    const title = formDialog().getByLabel("Title");
    await title.waitFor();
    expect(await title.inputValue()).toBe("Badge readers at the main entrance reject every card");
    await formDialog().locator('button[type="submit"]').click();
    await page.locator("#messages li.private", { hasText: "INC-2 is raised" }).waitFor();
  });

  it("THEN someone else's incident appears on their page without a reload", async () => {
    await world.api.command("rita", "/incident VPN drops every hour impact:medium");
    await world.settle();
    await card("INC-3").waitFor();
  });

  it("THEN time travel moves the desk clock forward in the sandbox", async () => {
    const before = await page.locator("#clock-now time").getAttribute("datetime");
    await page.getByLabel("Time travel (sandbox)").selectOption("4h");
    await page.getByRole("button", { name: "Advance clock" }).click();
    await expect
      .poll(async () => {
        const now = await page.locator("#clock-now time").getAttribute("datetime");
        return new Date(now ?? 0).getTime() - new Date(before ?? 0).getTime();
      })
      .toBeGreaterThanOrEqual(4 * 3600_000);
    await page.locator("#status").getByText("The desk clock moved forward 4h.").waitFor();
  });

  it("THEN, time travelled past a response target, the SLA breach arrives in #sla-alerts", async () => {
    await send("/incident Mail queue stuck impact:high urgency:medium");
    const raised = page.locator("#messages li.private", { hasText: "is raised with priority P2" });
    const ref = /INC-\d+/.exec((await raised.textContent()) ?? "")?.[0];
    await world.settle();
    await page.getByLabel("Time travel (sandbox)").selectOption("1h");
    await page.getByRole("button", { name: "Advance clock" }).click();
    await page.locator("#status").getByText("The desk clock moved forward 1h.").waitFor();
    await page.getByRole("link", { name: /#sla-alerts/ }).click();
    await page.waitForURL(/channel=%23sla-alerts/);
    // Already there, or arriving live while the page is open.
    await world.settle();
    await page.locator(".alert-headline", { hasText: `SLA breached: ${ref} response` }).waitFor();
    await page.goBack();
  });

  it("THEN the screenshot for the README shows the workspace mid-incident", async () => {
    await page.locator("#messages > li").last().scrollIntoViewIfNeeded();
    // OPSDESK_UPDATE_SCREENSHOT=1 refreshes the README's image; otherwise a test run leaves the tree clean.
    const path =
      process.env.OPSDESK_UPDATE_SCREENSHOT === "1"
        ? join(projectRoot(), "docs", "console.png")
        : join(tmpdir(), `opsdesk-console-${process.pid}.png`);
    const image = await page.screenshot({ path });
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.OPSDESK_UPDATE_SCREENSHOT !== "1") rmSync(path, { force: true });
  });
});
