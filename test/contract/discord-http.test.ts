// The incident contract (incident-contract.ts) on Discord over HTTP interactions.
import { describe } from "vitest";
import { startDiscordHttpDriver } from "./drivers/discord.js";
import { describeIncidentContract } from "./incident-contract.js";

describe("GIVEN OpsDesk on Discord over HTTP interactions", () => {
  describeIncidentContract(startDiscordHttpDriver);
});
