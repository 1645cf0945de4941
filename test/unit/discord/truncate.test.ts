import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncate } from "../../../src/adapters/discord/render/truncate.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (text: string) => [...segmenter.segment(text)].map((part) => part.segment);
const hasLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("GIVEN text that fits", () => {
  it("THEN it is returned unchanged", () => {
    expect(truncate("Payments API down", 17)).toBe("Payments API down");
  });
});

describe("GIVEN text longer than the limit", () => {
  it("THEN it is cut at a word boundary and ends with an ellipsis", () => {
    expect(truncate("Checkout fails with 502 since nine", 24)).toBe("Checkout fails with 502…");
  });

  it("THEN a single very long word is cut inside the word rather than dropped", () => {
    const cut = truncate("x".repeat(10_000), 100);
    expect(cut).toBe(`${"x".repeat(99)}…`);
  });

  it("THEN trailing punctuation before the cut is removed", () => {
    expect(truncate("Rolled back, restarted, watched the graphs", 25)).toBe("Rolled back, restarted…");
  });
});

describe("GIVEN emoji at the cut", () => {
  it("THEN a family emoji (ZWJ sequence) is kept whole or left out, never split", () => {
    const family = "👨‍👩‍👧‍👦";
    const cut = truncate(family.repeat(10), 30);
    expect(cut.endsWith("…")).toBe(true);
    expect(graphemes(cut.slice(0, -1)).every((part) => part === family)).toBe(true);
  });

  it("THEN flags and skin tones are never split", () => {
    const text = "🇳🇱👍🏽".repeat(50);
    const cut = truncate(text, 33);
    expect(cut.length).toBeLessThanOrEqual(33);
    expect(graphemes(cut.slice(0, -1)).every((part) => part === "🇳🇱" || part === "👍🏽")).toBe(true);
  });
});

describe("GIVEN any text and any limit", () => {
  it("THEN the result fits, has no lone surrogate, and is a grapheme prefix of the text plus …", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 0, max: 320 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(hasLoneSurrogate(cut)).toBe(false);
          if (text.length <= max) expect(cut).toBe(text);
          else if (cut.endsWith("…")) expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
        },
      ),
    );
  });
});
