// The incident contract (incident-contract.ts) on Discord over the gateway.
import { describe } from "vitest";
import { startDiscordGatewayDriver } from "./drivers/discord.js";
import { describeIncidentContract } from "./incident-contract.js";

describe("GIVEN OpsDesk on Discord over the gateway", () => {
  describeIncidentContract(startDiscordGatewayDriver);
});
