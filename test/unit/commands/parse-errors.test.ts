import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../../src/kernel/commands/argument-error.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import { UnknownCommandError, ValidationError } from "../../../src/kernel/errors.js";
import { commandRegistry } from "../../../src/practices/registry.js";

const parse = (text: string) => parseCommandText(commandRegistry, "/incident", text);

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

function messageOf(run: () => unknown): string {
  const error = errorOf(run);
  if (error instanceof ValidationError || error instanceof UnknownCommandError) return error.userMessage;
  throw error;
}

const newUsage =
  "Usage: /incident new <title> [impact:high|medium|low] [urgency:high|medium|low] [service:<service>] [category:<text>] [description:<text>]";

describe("GIVEN a value outside an argument's choices", () => {
  it("THEN the message names the argument, the allowed values, what was sent and the usage", () => {
    expect(messageOf(() => parse("new Payments down impact:hgih"))).toBe(
      `impact must be one of high, medium, low (got "hgih"). ${newUsage}`,
    );
  });

  it("THEN the error says which argument to fix, for forms", () => {
    const error = errorOf(() => parse("new Payments down urgency:soon"));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error).toMatchObject({
      code: "validation_failed",
      argument: "urgency",
      problem: 'urgency must be one of high, medium, low (got "soon")',
    });
  });
});

describe("GIVEN a mistyped option name", () => {
  it("THEN the closest option is suggested", () => {
    expect(messageOf(() => parse("new Payments down imapct:high"))).toBe(
      `imapct is not an option of /incident new. Did you mean impact? To use "imapct:high" as text, put it in quotes. ${newUsage}`,
    );
  });
});

describe("GIVEN an unknown option with no close match", () => {
  it("THEN the options are listed and quoting is suggested", () => {
    expect(messageOf(() => parse("Error code:500 on checkout"))).toBe(
      `code is not an option of /incident new; its options are title, impact, urgency, service, category, description. To use "code:500" as text, put it in quotes. ${newUsage}`,
    );
  });
});

describe("GIVEN a missing required argument", () => {
  it("THEN the resolve note is asked for", () => {
    expect(messageOf(() => parse("resolve INC-7 code:fixed"))).toBe(
      "note is required. Usage: /incident resolve <ref> code:fixed|workaround|duplicate|not_reproducible|user_error|resolved_by_caller note:<text>",
    );
  });

  it("THEN the priority reason is asked for", () => {
    expect(messageOf(() => parse("priority INC-7 impact:high"))).toBe(
      "reason is required. Usage: /incident priority <ref> [impact:high|medium|low] [urgency:high|medium|low] reason:<text>",
    );
  });

  it("THEN a priority change without impact or urgency says to give one", () => {
    expect(messageOf(() => parse('priority INC-7 reason:"why not"'))).toBe(
      "impact or urgency is required (give one or both). Usage: /incident priority <ref> [impact:high|medium|low] [urgency:high|medium|low] reason:<text>",
    );
  });

  it("THEN an option with nothing after the colon asks for a value", () => {
    expect(messageOf(() => parse("new Payments down impact:"))).toBe(
      `impact: needs a value, e.g. impact:high|medium|low. ${newUsage}`,
    );
  });
});

describe("GIVEN a value that is too long", () => {
  it("THEN the message names the limit", () => {
    expect(messageOf(() => parse(`new ${"x".repeat(151)}`))).toBe(
      `title is too long: 151 characters, the limit is 150. ${newUsage}`,
    );
  });
});

describe("GIVEN a bad ticket reference, person or flag", () => {
  it("THEN the accepted forms are shown", () => {
    expect(messageOf(() => parse("show abc"))).toBe(
      'ref must be a ticket reference like INC-7, #7 or 7 (got "abc"). If you meant "show abc" as the title, write /incident new show abc. Usage: /incident show <ref>',
    );
  });

  it("THEN an unresolved @name explains how to mention", () => {
    expect(messageOf(() => parse("assign INC-7 to:@alic"))).toBe(
      'to must be a person mentioned with @ and picked from the list (got "@alic"). Usage: /incident assign <ref> [to:@person]',
    );
  });

  it("THEN a flag must be true or false", () => {
    expect(messageOf(() => parse("note INC-7 hello internal:maybe"))).toBe(
      'internal must be true or false (got "maybe"). Usage: /incident note <ref> <text> [internal:true|false]',
    );
  });
});

describe("GIVEN a subcommand word followed by words that do not fit it", () => {
  it("THEN the title reading is offered", () => {
    expect(messageOf(() => parse("Major outage in EU"))).toBe(
      'ref must be a ticket reference like INC-7, #7 or 7 (got "outage"). If you meant "Major outage in EU" as the title, write /incident new Major outage in EU. Usage: /incident major <ref>',
    );
  });

  it("THEN extra words after a complete command are reported", () => {
    expect(messageOf(() => parse("close INC-7 right now"))).toBe(
      'unexpected text "right now". Usage: /incident close <ref>',
    );
  });
});

describe("GIVEN an option given twice", () => {
  it("THEN it is refused", () => {
    expect(messageOf(() => parse("new Payments down impact:high impact:low"))).toBe(
      `impact is given twice. ${newUsage}`,
    );
  });
});

describe("GIVEN a mistyped subcommand", () => {
  it("THEN the closest subcommand is suggested, with the title reading", () => {
    expect(messageOf(() => parse("lsit"))).toBe(
      '"lsit" is not a subcommand of /incident. Did you mean list? If you meant "lsit" as the title, write /incident new lsit. See /incident help.',
    );
  });

  it("THEN a slip before a ticket reference is caught too", () => {
    expect(() => parse("shwo INC-7")).toThrowError(UnknownCommandError);
    expect(messageOf(() => parse("shwo INC-7"))).toContain("Did you mean show?");
  });
});

describe("GIVEN an unknown command", () => {
  it("THEN the closest command is suggested", () => {
    expect(messageOf(() => parseCommandText(commandRegistry, "/incidnet", "list"))).toBe(
      "/incidnet is not an OpsDesk command. Did you mean /incident?",
    );
  });
});
