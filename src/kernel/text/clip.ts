/**
 * The one grapheme-safe clip of the code base. Platforms count lengths in UTF-16 code units, so cutting
 * people's text with `slice` can split a surrogate pair (an emoji on the 150th unit) and leave a lone
 * surrogate, which is not valid Unicode: Discord has answered such payloads with 500
 * (github.com/discord/discord-api-docs/issues/6561) and the form never opens. Clipping by extended
 * grapheme cluster (Intl.Segmenter, https://unicode.org/reports/tr29/) also keeps ZWJ emoji, flags, skin
 * tones and letters with combining marks whole.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** A grapheme is rarely longer than this; segmenting further past the limit is wasted work on huge texts. */
const lookahead = 64;

/**
 * The longest prefix of `text` made of whole graphemes whose measured length is at most `max` (UTF-16 code
 * units unless `measure` says how a grapheme grows, e.g. once escaped). Always a prefix of `text`.
 */
export function graphemePrefix(text: string, max: number, measure?: (grapheme: string) => number): string {
  if (max <= 0) return "";
  if (measure === undefined && text.length <= max) return text;
  let end = 0;
  let used = 0;
  const window = measure === undefined ? text.slice(0, max + lookahead) : text;
  for (const { segment, index } of graphemes.segment(window)) {
    const size = measure ? measure(segment) : segment.length;
    if (used + size > max) break;
    used += size;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * `text` when it fits in `max` code units, else its longest whole-grapheme prefix followed by `marker`
 * ("…" by default) so readers see that something was left out; never longer than `max`.
 */
export function clipText(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  if (max < marker.length) return graphemePrefix(text, max);
  return `${graphemePrefix(text, max - marker.length)}${marker}`;
}
