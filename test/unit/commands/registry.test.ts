import { describe, expect, it } from "vitest";
import { text, ticket } from "../../../src/kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand } from "../../../src/kernel/commands/command-spec.js";
import { incidentCommand } from "../../../src/practices/incidents/command.js";
import { incidentLimits } from "../../../src/practices/incidents/model.js";

describe("GIVEN the /incident declaration", () => {
  it("THEN it carries what Discord registration needs: kinds, choices, limits, autocomplete", () => {
    const { title, impact, service } = incidentCommand.subcommands.new.args;
    expect(title).toMatchObject({ kind: "text", presence: "required", positional: true, maxLength: 150 });
    expect(impact).toMatchObject({
      kind: "choice",
      presence: "defaulted",
      defaultValue: "medium",
      choices: [
        { value: "high", label: "High" },
        { value: "medium", label: "Medium" },
        { value: "low", label: "Low" },
      ],
    });
    expect(service).toMatchObject({ kind: "service", presence: "optional", autocomplete: true });
    expect(incidentCommand.subcommands.show.args.ref).toMatchObject({ kind: "ticket", autocomplete: true });
    expect(incidentCommand.subcommands.resolve.args.code.choices?.map((choice) => choice.label)).toContain(
      "Workaround applied",
    );
  });

  it("THEN text limits are the incident model's", () => {
    expect(incidentCommand.subcommands.note.args.text.maxLength).toBe(incidentLimits.noteMax);
    expect(incidentCommand.subcommands.cancel.args.reason.maxLength).toBe(incidentLimits.reasonMax);
  });

  it("THEN it has the subcommands of every card button, and link/unlink", () => {
    expect(Object.keys(incidentCommand.subcommands)).toEqual([
      "new",
      "list",
      "show",
      "help",
      "ack",
      "assign",
      "note",
      "priority",
      "hold",
      "resume",
      "resolve",
      "reopen",
      "close",
      "cancel",
      "major",
      "link",
      "unlink",
    ]);
  });
});

describe("GIVEN a declaration the grammar could not parse", () => {
  it("THEN a positional after a text positional is refused at start-up", () => {
    expect(() =>
      defineCommand({
        name: "broken",
        description: "x",
        subcommands: {
          go: defineSubcommand({
            description: "x",
            args: {
              words: text({ description: "x", maxLength: 10, positional: true }),
              ref: ticket({ description: "x", prefix: "INC", positional: true }),
            },
            examples: [],
          }),
        },
      }),
    ).toThrowError("/broken go: positional ref follows a text positional that takes all words");
  });

  it("THEN a name platforms reject is refused", () => {
    expect(() => defineCommand({ name: "Bad Name", description: "x", subcommands: {} })).toThrowError(
      '"Bad Name" is not a valid command name',
    );
  });
});
