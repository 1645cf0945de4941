import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/kernel/commands/tokenize.js";
import { ValidationError } from "../../../src/kernel/errors.js";

const words = (input: string) =>
  tokenize(input).map((token) => (token.type === "word" ? token.text : token.source));

describe("GIVEN plain words separated by any whitespace", () => {
  it("THEN each word is a token", () => {
    expect(words("  Payments\tAPI \n is\u00a0down ")).toEqual(["Payments", "API", "is", "down"]);
  });
});

describe("GIVEN quoted text", () => {
  it("THEN straight double and single quotes keep the words together", () => {
    expect(tokenize(`"Payments API" 'is down'`)).toEqual([
      { type: "word", text: "Payments API", quoted: true },
      { type: "word", text: "is down", quoted: true },
    ]);
  });

  it("THEN the curly quotes Slack substitutes work the same way", () => {
    expect(tokenize("“Payments API” ‘is down’")).toEqual([
      { type: "word", text: "Payments API", quoted: true },
      { type: "word", text: "is down", quoted: true },
    ]);
  });

  it("THEN an apostrophe inside a word is just a letter", () => {
    expect(words("Can't log in")).toEqual(["Can't", "log", "in"]);
  });

  it("THEN an unclosed single quote is taken literally, as it is usually an apostrophe", () => {
    expect(words("'90s printer")).toEqual(["'90s", "printer"]);
  });

  it("THEN an unclosed double quote is reported with where it starts", () => {
    expect(() => tokenize('new "Payments down')).toThrowError(
      new ValidationError(
        'The quote " before "Payments down" is never closed. Add the closing quote or remove the opening one.',
      ),
    );
  });
});

describe("GIVEN key:value options", () => {
  it("THEN plain, quoted and curly-quoted values become options with lower-case keys", () => {
    expect(tokenize('Impact:high note:"two words" reason:“a b” code:‘x y’')).toEqual([
      { type: "option", key: "impact", value: "high", quoted: false, source: "Impact:high" },
      { type: "option", key: "note", value: "two words", quoted: true, source: 'note:"two words"' },
      { type: "option", key: "reason", value: "a b", quoted: true, source: "reason:“a b”" },
      { type: "option", key: "code", value: "x y", quoted: true, source: "code:‘x y’" },
    ]);
  });

  it("THEN a quoted key:value is text, not an option", () => {
    expect(tokenize('"impact:high"')).toEqual([{ type: "word", text: "impact:high", quoted: true }]);
  });

  it("THEN links and times are words", () => {
    expect(tokenize("https://status.example.com 10:30")).toEqual([
      { type: "word", text: "https://status.example.com", quoted: false },
      { type: "word", text: "10:30", quoted: false },
    ]);
  });

  it('THEN key:"" is an option given empty on purpose', () => {
    expect(tokenize('note:""')).toEqual([
      { type: "option", key: "note", value: "", quoted: true, source: 'note:""' },
    ]);
  });
});
