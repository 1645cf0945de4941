// Change management on the local Discord in both modes: the real discord.js client over the gateway, and
// signed HTTP interactions. The shared scenarios, Discord's driver.
import { afterAll, beforeAll, describe } from "vitest";
import { type DiscordWorld, startDiscordWorld } from "../support/discord-world.js";
import { discordChangeDriver } from "./changes/discord-driver.js";
import type { ChangeDriver } from "./changes/driver.js";
import { changeScenarios } from "./changes/scenarios.js";

for (const mode of ["gateway", "http"] as const) {
  describe(`GIVEN OpsDesk's change management on Discord (${mode})`, () => {
    let world: DiscordWorld;
    let driver: ChangeDriver;
    beforeAll(async () => {
      world = await startDiscordWorld(mode);
      driver = discordChangeDriver(world, mode);
    });
    afterAll(async () => {
      await world?.close();
    });
    changeScenarios(() => driver);
  });
}
