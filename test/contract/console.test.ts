// Every practice's contract scenarios in the local console, through one driver (drivers/console.ts) and one desk.
import { afterAll, beforeAll, describe } from "vitest";
import { assetScenarios } from "./assets/scenarios.js";
import { changeScenarios } from "./changes/scenarios.js";
import { cmdbScenarios } from "./cmdb/scenarios.js";
import { continuityScenarios } from "./continuity/scenarios.js";
import type { ChatDriver } from "./driver.js";
import { startConsoleDriver } from "./drivers/console.js";
import { incidentScenarios } from "./incidents/scenarios.js";
import { linkScenarios } from "./links/scenarios.js";
import { problemScenarios } from "./problems/scenarios.js";
import { releaseScenarios } from "./releases/scenarios.js";
import { reportScenarios } from "./reports/scenarios.js";
import { requestScenarios } from "./requests/scenarios.js";

let driver: ChatDriver;
beforeAll(async () => {
  driver = await startConsoleDriver();
});
afterAll(async () => {
  await driver?.close();
});

describe("GIVEN OpsDesk's local console", () => {
  describe("incidents", () => incidentScenarios(() => driver));
  describe("changes", () => changeScenarios(() => driver));
  describe("links between practices", () => linkScenarios(() => driver));
  describe("reports", () => reportScenarios(() => driver));
  describe("releases", () => releaseScenarios(() => driver));
  describe("continuity", () => continuityScenarios(() => driver));
  describe("requests", () => requestScenarios(() => driver));
  describe("the CMDB", () => cmdbScenarios(() => driver));
  describe("IT assets", () => assetScenarios(() => driver));
  describe("problems", () => problemScenarios(() => driver));
});
