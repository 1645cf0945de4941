import { describe, expect, it } from "vitest";
import { helpText } from "../../../src/kernel/commands/help-text.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import { usageHint, usageLine } from "../../../src/kernel/commands/usage.js";
import { incidentCommand } from "../../../src/practices/incidents/command.js";
import { commandRegistry } from "../../../src/practices/registry.js";

describe("GIVEN the /incident help", () => {
  const help = helpText(commandRegistry, "incident");

  it("THEN it has a usage line and the description of every subcommand", () => {
    for (const [name, sub] of Object.entries(incidentCommand.subcommands)) {
      expect(help).toContain(usageLine(incidentCommand, name));
      expect(help).toContain(sub.description);
    }
  });

  it("THEN it explains the default subcommand and shows examples", () => {
    expect(help).toContain("Open an incident (the default: /incident <title> works too)");
    expect(help).toContain('  /incident resolve INC-7 code:fixed note:"Rolled back the deploy"');
  });

  it("THEN every example parses", () => {
    for (const sub of Object.values(incidentCommand.subcommands)) {
      for (const example of sub.examples) {
        // Slack sends a picked @mention escaped; the example shows what the person types.
        const text = example.replace(/^\/incident ?/, "").replace("to:@alice", "to:<@U0ALICE|alice>");
        expect(() => parseCommandText(commandRegistry, "incident", text)).not.toThrow();
      }
    }
  });
});

describe("GIVEN usage lines", () => {
  it("THEN required options are bare, optional ones bracketed, and choices listed", () => {
    expect(usageLine(incidentCommand, "hold")).toBe(
      "/incident hold <ref> reason:awaiting_caller|awaiting_vendor|awaiting_change [note:<text>]",
    );
    expect(usageLine(incidentCommand, "list")).toBe("/incident list [mine|open|all] [service:<service>]");
  });

  it("THEN the Slack usage hint names the default form and every subcommand", () => {
    expect(usageHint(incidentCommand)).toBe(
      "<title> … | new|list|show|help|ack|assign|note|priority|hold|resume|resolve|reopen|close|cancel|major|link|unlink …",
    );
  });
});
