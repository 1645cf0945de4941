import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandToText } from "../../../src/kernel/commands/format-command.js";
import { type OptionValue, parseCommandOptions } from "../../../src/kernel/commands/parse-options.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import { UnknownCommandError, ValidationError } from "../../../src/kernel/errors.js";
import { holdReasons, impacts, resolutionCodes, urgencies } from "../../../src/practices/incidents/model.js";
import { commandRegistry } from "../../../src/practices/registry.js";

const fromOptions = (subcommand: string, options: Record<string, OptionValue>) =>
  parseCommandOptions(commandRegistry, { command: "incident", subcommand, options });
const fromText = (text: string) => parseCommandText(commandRegistry, "incident", text);

/** Text that mixes ordinary letters with everything the tokenizer treats specially. */
const trickyText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({
    minLength: 1,
    maxLength: 40,
    unit: fc.constantFrom(
      "a",
      "Z",
      " ",
      "\t",
      "\n",
      '"',
      "'",
      "“",
      "”",
      "‘",
      "’",
      ":",
      "#",
      "7",
      "INC-",
      "é",
      "😀",
      "x:y",
    ),
  }),
);
const allClosingQuotes = ['"', "'", "”", "’"];
const writable = (text: string) =>
  text.trim() !== "" && !allClosingQuotes.every((quote) => text.includes(quote));
const serviceId = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);

describe("GIVEN Discord-style options for /incident new", () => {
  it("THEN they give the same command as the text", () => {
    expect(fromOptions("new", { title: "Payments API is down", impact: "high" })).toEqual(
      fromText("Payments API is down impact:high"),
    );
  });

  it("THEN blank and null options count as not given", () => {
    expect(fromOptions("new", { title: "VPN drops", description: "", service: null })).toEqual({
      command: "incident",
      subcommand: "new",
      args: { title: "VPN drops", impact: "medium", urgency: "medium" },
    });
  });

  it("THEN they are validated by the same rules and messages", () => {
    expect(() => fromOptions("new", { title: "x", impact: "hgih" })).toThrowError(
      'impact must be one of high, medium, low (got "hgih"). Usage: /incident new',
    );
    expect(() => fromOptions("new", { title: "x", imapct: "high" })).toThrowError(
      "imapct is not an option of /incident new. Did you mean impact?",
    );
    expect(() => fromOptions("new", { title: "x", imapct: "high" })).toThrowError(ValidationError);
  });
});

describe("GIVEN Discord-style options for button equivalents", () => {
  it("THEN a user option and a boolean option are typed", () => {
    expect(fromOptions("assign", { ref: "INC-7", to: "80351110224678912" }).args).toEqual({
      ref: 7,
      to: { platformId: "80351110224678912" },
    });
    expect(fromOptions("note", { ref: 7, text: "On it", internal: true }).args).toEqual({
      ref: 7,
      text: "On it",
      internal: true,
    });
  });
});

describe("GIVEN an unknown subcommand in options", () => {
  it("THEN it is an unknown command with a suggestion", () => {
    expect(() => fromOptions("resovle", { ref: "7" })).toThrowError(UnknownCommandError);
    expect(() => fromOptions("resovle", { ref: "7" })).toThrowError(
      '"resovle" is not a subcommand of /incident. Did you mean resolve? See /incident help.',
    );
  });
});

describe("GIVEN any valid new incident", () => {
  it("THEN writing it as text and parsing that text gives the same command", () => {
    fc.assert(
      fc.property(
        trickyText.filter(writable),
        fc.constantFrom(...impacts),
        fc.constantFrom(...urgencies),
        fc.option(serviceId, { nil: undefined }),
        fc.option(trickyText.filter(writable), { nil: undefined }),
        (title, impact, urgency, service, description) => {
          const parsed = fromOptions("new", { title, impact, urgency, service, description });
          expect(fromText(commandToText(commandRegistry, parsed).replace(/^\/incident /, ""))).toEqual(
            parsed,
          );
        },
      ),
    );
  });
});

describe("GIVEN any valid action with free text", () => {
  it("THEN notes, holds and resolutions survive the trip through text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        trickyText.filter(writable),
        fc.boolean(),
        fc.constantFrom(...holdReasons),
        fc.constantFrom(...resolutionCodes),
        (ref, text, internal, reason, code) => {
          for (const parsed of [
            fromOptions("note", { ref, text, internal }),
            fromOptions("hold", { ref, reason, note: text }),
            fromOptions("resolve", { ref: `#${ref}`, code, note: text }),
          ]) {
            expect(fromText(commandToText(commandRegistry, parsed).replace(/^\/incident /, ""))).toEqual(
              parsed,
            );
          }
        },
      ),
    );
  });
});

describe("GIVEN options without a subcommand for a command with a default", () => {
  it("THEN the default subcommand is used", () => {
    expect(
      parseCommandOptions(commandRegistry, { command: "/incident", options: { title: "VPN drops" } }),
    ).toEqual({
      command: "incident",
      subcommand: "new",
      args: { title: "VPN drops", impact: "medium", urgency: "medium" },
    });
  });
});
