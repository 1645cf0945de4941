// Change management on the real discord.js client against the local Discord (gateway mode): the shared
// scenarios, Discord's driver.
import { afterAll, beforeAll, describe } from "vitest";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";
import { discordChangeDriver } from "../changes/discord-driver.js";
import type { ChangeDriver } from "../changes/driver.js";
import { changeScenarios } from "../changes/scenarios.js";

let world: DiscordWorld;
let driver: ChangeDriver;
beforeAll(async () => {
  world = await startDiscordWorld("gateway");
  driver = discordChangeDriver(world);
});
afterAll(async () => {
  await world?.close();
});

describe("GIVEN OpsDesk's change management on Discord", () => {
  changeScenarios(() => driver);
});
