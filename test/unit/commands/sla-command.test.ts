import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../../src/kernel/commands/argument-error.js";
import { helpText } from "../../../src/kernel/commands/help-text.js";
import { parseCommandOptions } from "../../../src/kernel/commands/parse-options.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import { commandRegistry } from "../../../src/practices/registry.js";

const parse = (text: string) => parseCommandText(commandRegistry, "sla", text);

describe("GIVEN /sla typed in Slack", () => {
  it("THEN show takes an incident or a request reference as written (the ticket directory reads it)", () => {
    expect(parse("show INC-7")).toEqual({ command: "sla", subcommand: "show", args: { ref: "INC-7" } });
    expect(parse("show #7").args).toEqual({ ref: "#7" });
    expect(parse("show REQ-4").args).toEqual({ ref: "REQ-4" });
  });

  it("THEN report defaults to the last 7 days and takes a period and a service", () => {
    expect(parse("report").args).toEqual({ period: "7d" });
    expect(parse("report 30d payments").args).toEqual({ period: "30d", service: "payments" });
    expect(parse("report service:payments").args).toEqual({ period: "7d", service: "payments" });
  });

  it("THEN a period other than 7d or 30d is refused with the choices", () => {
    expect(() => parse("report 90d")).toThrow(ArgumentError);
    expect(() => parse("report 90d")).toThrow(/7d, 30d/);
  });

  it("THEN nothing at all shows the help, which lists both subcommands with examples", () => {
    expect(parse("").subcommand).toBe("help");
    const help = helpText(commandRegistry, "sla");
    expect(help).toContain("/sla show <ref>");
    expect(help).toContain("/sla report [7d|30d] [<service>]");
    expect(help).toContain("/sla report 30d payments");
  });
});

describe("GIVEN /sla from Discord's typed options", () => {
  it("THEN the same typed command comes out", () => {
    expect(
      parseCommandOptions(commandRegistry, {
        command: "sla",
        subcommand: "report",
        options: { period: "30d" },
      }),
    ).toEqual({ command: "sla", subcommand: "report", args: { period: "30d" } });
  });
});
