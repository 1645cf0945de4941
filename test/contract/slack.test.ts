// The incident contract (incident-contract.ts) on Slack.
import { describe } from "vitest";
import { startSlackDriver } from "./drivers/slack.js";
import { describeIncidentContract } from "./incident-contract.js";

describe("GIVEN OpsDesk on Slack", () => {
  describeIncidentContract(startSlackDriver);
});
