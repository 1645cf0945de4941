import { describe, expect, it } from "vitest";
import { completeCommandLine } from "../../../src/kernel/commands/complete-line.js";
import { commandRegistry } from "../../../src/practices/registry.js";

const texts = (line: string, values: Parameters<typeof completeCommandLine>[2] = () => []) =>
  completeCommandLine(commandRegistry, line, values).map((c) => c.text);

describe("GIVEN a line being typed in a message box", () => {
  it("THEN the command name completes, with or without the slash", () => {
    expect(texts("/in")).toEqual(["/incident "]);
    expect(texts("inc")).toEqual(["/incident "]);
    expect(texts("/cha")).toEqual(["/change "]);
    expect(texts("/nope")).toEqual([]);
  });

  it("THEN after the command every subcommand is offered, in registry order, with its description", () => {
    const all = completeCommandLine(commandRegistry, "/incident ", () => []);
    expect(all.map((c) => c.text.trim().split(" ")[1])).toEqual(
      Object.keys(commandRegistry.commands[0]!.subcommands),
    );
    expect(all.find((c) => c.text === "/incident ack ")?.label).toBe(
      "Acknowledge an incident: you are on it",
    );
  });

  it("THEN option keys not yet given are offered, required ones marked", () => {
    const offered = completeCommandLine(commandRegistry, "/incident resolve INC-7 code:fixed ", () => []);
    expect(offered.map((c) => c.text)).toEqual(["/incident resolve INC-7 code:fixed note:"]);
    expect(offered[0]?.label).toContain("(required)");
  });

  it("THEN a key's choices complete after the colon, keeping everything typed before", () => {
    expect(texts("/incident priority INC-7 impact:h")).toEqual(["/incident priority INC-7 impact:high "]);
    expect(texts("/incident note INC-7 Done internal:")).toEqual([
      "/incident note INC-7 Done internal:true ",
      "/incident note INC-7 Done internal:false ",
    ]);
  });

  it("THEN tickets, services and people come from the caller, filtered by what is typed so far", () => {
    const values = (arg: { kind: string }, typed: string) =>
      arg.kind === "ticket"
        ? [
            { value: "INC-7", label: "Payments down" },
            { value: "INC-12", label: "VPN" },
          ].filter((v) => v.value.startsWith(typed))
        : arg.kind === "service"
          ? [{ value: "payments", label: "Payments API" }]
          : [];
    expect(texts("/incident ack INC-1", values)).toEqual(["/incident ack INC-12 "]);
    expect(texts("/incident Printer jam service:", values)).toEqual([
      "/incident Printer jam service:payments ",
    ]);
  });

  it("THEN a value with spaces is quoted so the grammar reads it back as one value", () => {
    const values = () => [{ value: "Ada Lovelace", label: "Ada" }];
    expect(texts("/incident assign INC-7 to:", values)).toEqual([
      '/incident assign INC-7 to:"Ada Lovelace" ',
    ]);
  });

  it("THEN an unknown command or option offers nothing rather than guessing", () => {
    expect(texts("/nope ")).toEqual([]);
    expect(texts("/incident ack INC-7 colour:")).toEqual([]);
  });
});
