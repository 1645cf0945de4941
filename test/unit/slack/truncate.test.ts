import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMrkdwn } from "../../../src/adapters/slack/render/mrkdwn.js";
import { fitText, oneLine } from "../../../src/adapters/slack/render/truncate.js";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemeList = (text: string) => Array.from(graphemes.segment(text), (part) => part.segment);

describe("GIVEN text that fits", () => {
  it("THEN it is returned unchanged (encoded)", () => {
    expect(fitText("Payments API down", 75)).toBe("Payments API down");
    expect(fitText("a < b", 75, { encode: escapeMrkdwn })).toBe("a &lt; b");
  });
});

describe("GIVEN text longer than the limit", () => {
  it("THEN it is cut at the last word boundary near the limit, with an ellipsis", () => {
    expect(fitText("Checkout fails for every customer in Europe", 24)).toBe("Checkout fails for…");
  });

  it("THEN a single long word is cut inside the word rather than leaving nothing", () => {
    expect(fitText("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
  });

  it("THEN an emoji with a skin tone and ZWJ is never split", () => {
    const family = "👩🏽‍💻";
    expect(fitText(`${family}${family}${family}`, family.length + 3)).toBe(`${family}…`);
  });

  it("THEN an escaped entity is never split", () => {
    expect(fitText("a&&&&&&&&", 12, { encode: escapeMrkdwn })).toBe("a&amp;&amp;…");
  });

  it("THEN for any text and limit the result fits, is a whole-grapheme prefix, and ends in …", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (text, max) => {
          const cut = fitText(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          if (cut === text) return;
          expect(cut.endsWith("…")).toBe(true);
          const kept = graphemeList(cut.slice(0, -1));
          expect(graphemeList(text).slice(0, kept.length)).toEqual(kept);
        },
      ),
    );
  });
});

describe("GIVEN text with line breaks for a one-line place", () => {
  it("THEN whitespace runs become single spaces", () => {
    expect(oneLine("  Payments\n\tdown  ")).toBe("Payments down");
  });
});
