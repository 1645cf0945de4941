// Change management on the local console: the shared scenarios (test/contract/changes), the console's driver.
import { afterAll, beforeAll, describe } from "vitest";
import { type ConsoleWorld, startConsoleWorld } from "../support/console-world.js";
import { consoleChangeDriver } from "./changes/console-driver.js";
import type { ChangeDriver } from "./changes/driver.js";
import { changeScenarios } from "./changes/scenarios.js";

let world: ConsoleWorld;
let driver: ChangeDriver;
beforeAll(async () => {
  world = await startConsoleWorld();
  driver = consoleChangeDriver(world);
});
afterAll(async () => {
  await world?.close();
});

describe("GIVEN OpsDesk's change management in the local console", () => {
  changeScenarios(() => driver);
});
