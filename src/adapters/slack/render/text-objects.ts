import type { types } from "@slack/bolt";
import { escapeMrkdwn } from "./mrkdwn.js";
import { fitText, oneLine } from "./truncate.js";

/*
 * Slack rejects text objects with empty text ("must be more than 0 characters"), so blank input becomes a
 * visible placeholder instead.
 */
const blank = "—";

function nonEmpty(text: string): string {
  return text.trim() === "" ? blank : text;
}

/** Plain text, one line, cut to `max`. `emoji: true` lets `:shortcodes:` render as emoji. */
export function plainLine(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: nonEmpty(fitText(oneLine(text), max)), emoji: true };
}

/** Plain text that may span lines (hints, placeholders). */
export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: nonEmpty(fitText(text.trim(), max)), emoji: true };
}

/**
 * mrkdwn whose markup the renderer wrote itself; `verbatim: true` stops Slack from auto-linking channel
 * names and parsing bare mentions in it, so only mentions and links the renderer built are live.
 */
export function mrkdwn(markup: string): types.MrkdwnElement {
  return { type: "mrkdwn", text: nonEmpty(markup), verbatim: true };
}

/** User text as mrkdwn, escaped, then cut so the escaped text fits `max`. */
export function userMrkdwn(text: string, max: number): string {
  return fitText(text, max, { encode: escapeMrkdwn });
}
