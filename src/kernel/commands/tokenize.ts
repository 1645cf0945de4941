import { ValidationError } from "../errors.js";

export type Token =
  | { readonly type: "word"; readonly text: string; readonly quoted: boolean }
  | {
      readonly type: "option";
      readonly key: string;
      readonly value: string;
      /** `key:""` was written on purpose; a bare `key:` may just be a word ending in a colon. */
      readonly quoted: boolean;
      /** The token as typed, for when the parser decides it was a word after all. */
      readonly source: string;
    };

/*
 * Slack replaces straight quotes with typographic ones when the user has smart punctuation on (and macOS
 * and iOS keyboards do it themselves), so “…” and ‘…’ must work like "…" and '…'.
 */
const closingQuote: Readonly<Record<string, string>> = { '"': '"', "“": "”", "'": "'", "‘": "’" };

// An apostrophe opens "'90s" or "'s-Hertogenbosch" as often as it opens a quote, so an unclosed single
// quote is taken literally; an unclosed double quote is almost always a mistake worth reporting.
const mustClose = new Set(['"', "“"]);

const optionKeyThenColon = /^[A-Za-z][\w-]*:$/;
const optionToken = /^([A-Za-z][\w-]*):(.*)$/s;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

function unclosedQuoteError(input: string, at: number): ValidationError {
  const after = input.slice(at + 1, at + 31).trim();
  return new ValidationError(
    `The quote ${input[at]} before "${after}" is never closed. Add the closing quote or remove the opening one.`,
  );
}

interface ScannedToken {
  readonly text: string;
  readonly startsQuoted: boolean;
  readonly valueQuoted: boolean;
  readonly end: number;
}

/** Reads one whitespace-delimited token from `start`, where quoted sections may contain whitespace. */
function scanToken(input: string, start: number): ScannedToken {
  let text = "";
  let startsQuoted = false;
  let valueQuoted = false;
  let at = start;
  while (at < input.length && !isSpace(input[at])) {
    const char = input[at] ?? "";
    const closer = closingQuote[char];
    const opensHere = closer !== undefined && (text === "" || optionKeyThenColon.test(text));
    const end = opensHere ? input.indexOf(closer, at + 1) : -1;
    if (opensHere && end === -1 && mustClose.has(char)) throw unclosedQuoteError(input, at);
    if (end === -1) {
      text += char;
      at += 1;
      continue;
    }
    if (text === "") startsQuoted = true;
    else valueQuoted = true;
    text += input.slice(at + 1, end);
    at = end + 1;
  }
  return { text, startsQuoted, valueQuoted, end: at };
}

function classify(scanned: ScannedToken, source: string): Token {
  const option = scanned.startsQuoted ? null : optionToken.exec(scanned.text);
  const key = option?.[1];
  const value = option?.[2] ?? "";
  // `https://…` in a title is a link, not an option called https.
  if (key === undefined || value.startsWith("//")) {
    return { type: "word", text: scanned.text, quoted: scanned.startsQuoted };
  }
  return { type: "option", key: key.toLowerCase(), value, quoted: scanned.valueQuoted, source };
}

/**
 * Splits slash-command text into words and `key:value` options, honouring straight and curly quotes.
 * Quotes open only at the start of a word or right after `key:`, so apostrophes inside words (can't) stay.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    if (isSpace(input[at])) {
      at += 1;
      continue;
    }
    const scanned = scanToken(input, at);
    tokens.push(classify(scanned, input.slice(at, scanned.end)));
    at = scanned.end;
  }
  return tokens;
}
