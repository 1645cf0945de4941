import { graphemePrefix } from "../../../kernel/text/clip.js";

/**
 * Cuts text to fit a Discord limit without breaking what people read: at a word boundary when one is
 * near, never inside a grapheme (a flag, a skin-toned or ZWJ emoji, a letter with combining marks), and
 * with "…" so the cut is visible. Lengths are UTF-16 code units, which is what Discord counts.
 */
const ellipsis = "…";

// Cutting back to a space is only worth it when it keeps most of the room; a 3000-character word (a
// pasted stack trace or URL) is cut mid-word instead of being dropped.
const wordBoundaryMinShare = 0.6;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max < ellipsis.length + 1) return graphemePrefix(text, max);
  const prefix = graphemePrefix(text, max - ellipsis.length);
  const endsAtWord = /\s/.test(text.charAt(prefix.length));
  const lastSpace = prefix.search(/\s\S*$/);
  const backToSpace = !endsAtWord && lastSpace >= prefix.length * wordBoundaryMinShare;
  const cut = backToSpace ? prefix.slice(0, lastSpace) : prefix;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, "")}${ellipsis}`;
}
