// The incident contract (incident-contract.ts) on the local console.
import { describe } from "vitest";
import { startConsoleDriver } from "./drivers/console.js";
import { describeIncidentContract } from "./incident-contract.js";

describe("GIVEN OpsDesk's local console", () => {
  describeIncidentContract(startConsoleDriver);
});
