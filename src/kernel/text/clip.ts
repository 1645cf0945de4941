const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The longest prefix of `text` of at most `max` UTF-16 units that ends on a grapheme boundary. A cut by
 * index can leave a lone surrogate (half an emoji), which is not valid Unicode: Discord has answered such a
 * payload with 500 (discord-api-docs issue 6561), and a ZWJ sequence or a combining mark cut in two shows
 * a different character than the person wrote.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > max) break;
    end += segment.length;
  }
  return text.slice(0, end);
}
