// The one grapheme-safe clip (src/kernel/text/clip.ts): whatever people paste, a cut never leaves a lone
// surrogate (Discord answered 500 to one: discord-api-docs issue 6561), never exceeds the limit and keeps
// a prefix of what they wrote.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipText, graphemePrefix } from "../../../src/kernel/text/clip.js";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Pieces that stress graphemes: astral emoji, ZWJ families, skin tones, flags, combining marks, keycaps.
const pieces = [
  "a",
  " ",
  "é",
  "e\u0301",
  "n\u0303\u0323",
  "😀",
  "👍🏽",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇩🇪",
  "1️⃣",
  "𝒜",
  "한",
  "\n",
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(""));

describe("GIVEN any text made of emoji, ZWJ sequences, flags and combining marks", () => {
  it("THEN graphemePrefix is a prefix, within the limit, without a lone surrogate, and whole graphemes", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 200 }), (input, max) => {
        const cut = graphemePrefix(input, max);
        expect(input.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(loneSurrogate.test(cut)).toBe(false);
        const segments = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(input)];
        expect(segments.some((s) => s.index === cut.length) || cut.length === input.length).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("THEN clipText keeps text that fits, and otherwise a prefix plus … within the limit", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 200 }), (input, max) => {
        const clipped = clipText(input, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(loneSurrogate.test(clipped)).toBe(false);
        if (input.length <= max) expect(clipped).toBe(input);
        else expect(input.startsWith(clipped.slice(0, -1))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("THEN an emoji straddling the 150th code unit is left out whole, not halved", () => {
    const title = `${"x".repeat(149)}😀 and more`;
    expect(title.slice(0, 150).at(-1)).toBe("\uD83D");
    expect(graphemePrefix(title, 150)).toBe("x".repeat(149));
    expect(clipText(title, 150)).toBe(`${"x".repeat(149)}…`);
  });
});
