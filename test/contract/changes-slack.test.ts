// Change management on the real Bolt app against the local Slack: the shared scenarios, Slack's driver.
import { afterAll, beforeAll, describe } from "vitest";
import { type SlackWorld, startSlackWorld } from "../support/slack-world.js";
import type { ChangeDriver } from "./changes/driver.js";
import { changeScenarios } from "./changes/scenarios.js";
import { slackChangeDriver } from "./changes/slack-driver.js";

let world: SlackWorld;
let driver: ChangeDriver;
beforeAll(async () => {
  world = await startSlackWorld();
  driver = slackChangeDriver(world);
});
afterAll(async () => {
  await world?.close();
});

describe("GIVEN OpsDesk's change management on Slack", () => {
  changeScenarios(() => driver);
});
