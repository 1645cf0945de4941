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
  it("THEN the result fits and has no lone surrogate", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 0, max: 320 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(hasLoneSurrogate(cut)).toBe(false);
        },
      ),
    );
  });

  it("THEN text within the limit is returned unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.nat(20), (text, spare) => {
        expect(truncate(text, text.length + spare)).toBe(text);
      }),
    );
  });

  it("THEN text over a limit of two or more is a prefix of the text plus …", () => {
    const overLimit = fc
      .string({ unit: "grapheme", maxLength: 300 })
      .filter((text) => text.length >= 3)
      .chain((text) => fc.tuple(fc.constant(text), fc.integer({ min: 2, max: text.length - 1 })));
    fc.assert(
      fc.property(overLimit, ([text, max]) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(hasLoneSurrogate(cut)).toBe(false);
        expect(cut.endsWith("…")).toBe(true);
        expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
      }),
    );
  });

  it("THEN text over a limit under two is cut to whole graphemes, with no room for …", () => {
    const overLimit = fc
      .string({ unit: "grapheme", maxLength: 300 })
      .filter((text) => text.length >= 2)
      .chain((text) => fc.tuple(fc.constant(text), fc.constantFrom(0, 1)));
    fc.assert(
      fc.property(overLimit, ([text, max]) => {
        const cut = truncate(text, max);
        const first = graphemes(text)[0] ?? "";
        expect(cut).toBe(max === 1 && first.length === 1 ? first : "");
      }),
    );
  });
});
