import { graphemePrefix } from "../../../kernel/text/clip.js";

/**
 * Cutting text to a platform limit without breaking it: never inside a grapheme (a surrogate pair, an emoji
 * with skin tone or ZWJ sequence, a letter with combining marks), at a word boundary when one is close, and
 * with an ellipsis so readers see that something was left out.
 */
export const ellipsis = "…";

/**
 * How far back from the limit a word boundary is still worth cutting at: a fifth of the room, at least a
 * long word's length for short limits (titles, buttons), never more than half; further back wastes space.
 */
function wordBoundaryReach(budget: number): number {
  return Math.min(Math.max(12, budget * 0.2), budget / 2);
}

export interface FitOptions {
  /** How a piece of text grows once encoded (e.g. mrkdwn escaping); the limit applies to the result. */
  readonly encode?: (text: string) => string;
}

const identity = (text: string): string => text;

/** The longest prefix of whole graphemes whose encoded length is at most `budget` (the code base's one clip). */
function encodedPrefix(text: string, budget: number, encode: (text: string) => string): string {
  // Encoding only grows text, so nothing past `budget` code units of the input can fit.
  return graphemePrefix(text.slice(0, budget + 64), budget, (grapheme) => encode(grapheme).length);
}

function atWordBoundary(prefix: string, budget: number): string {
  const lastSpace = prefix.search(/\s\S*$/);
  return lastSpace > 0 && lastSpace >= prefix.length - wordBoundaryReach(budget)
    ? prefix.slice(0, lastSpace)
    : prefix;
}

/**
 * `text` encoded, cut so the result is at most `max` code units. Returns the encoded text: callers put it
 * straight into a Block Kit field.
 */
export function fitText(text: string, max: number, options: FitOptions = {}): string {
  const encode = options.encode ?? identity;
  const whole = encode(text);
  if (whole.length <= max) return whole;
  if (max < ellipsis.length) return "";
  const budget = max - ellipsis.length;
  const prefix = atWordBoundary(encodedPrefix(text, budget, encode), budget).trimEnd();
  return `${encode(prefix)}${ellipsis}`;
}

/** Headers, buttons, titles and options are one line; newlines there render oddly or not at all. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
