// Charts are drawn on the server (ECharts SSR to SVG, resvg to PNG): the picture must be a real PNG of the
// promised size with more than a blank background, and its alt text and text lines must carry the numbers.
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../src/practices/reports/charts/chart-spec.js";
import { chartAltText, chartLines } from "../../../src/practices/reports/charts/describe.js";
import { chartSize, renderChartPng } from "../../../src/practices/reports/charts/render.js";
import { decodePng } from "../../support/png.js";

const spec: ChartSpec = {
  title: "Incidents per week by priority",
  kind: "stacked",
  categories: ["W47", "W48", "W49"],
  series: [
    { name: "P1", values: [1, 0, 2] },
    { name: "P2", values: [3, 4, 1] },
  ],
  unit: "",
};

describe("GIVEN a chart of incidents per week", () => {
  it("THEN it renders as a PNG of the chart's size that is not blank", async () => {
    const png = await renderChartPng(spec);
    const image = decodePng(png);
    expect(image).toMatchObject({ width: chartSize.width, height: chartSize.height });
    expect(image.distinctColours).toBeGreaterThan(8);
    expect(image.nonBackgroundShare).toBeGreaterThan(0.05);
  });

  it("THEN the alt text and the lines beside it say every number", () => {
    expect(chartLines(spec)).toEqual(["W47: P1 1, P2 3", "W48: P1 0, P2 4", "W49: P1 2, P2 1"]);
    expect(chartAltText(spec)).toBe(
      "Bar chart: Incidents per week by priority. W47: P1 1, P2 3. W48: P1 0, P2 4. W49: P1 2, P2 1.",
    );
  });

  it("THEN a long series keeps the alt text within Slack's 1000 characters and says what was left out", () => {
    const long: ChartSpec = {
      ...spec,
      categories: Array.from({ length: 200 }, (_, i) => `Day ${i + 1}`),
      series: [{ name: "P1", values: Array.from({ length: 200 }, (_, i) => i) }],
    };
    const alt = chartAltText(long);
    expect(alt.length).toBeLessThanOrEqual(1000);
    expect(alt).toMatch(/\d+ more in the text beside the chart\.$/);
  });

  it("THEN the SVG resvg reads has the title set in the shipped font, not a missing-glyph box", async () => {
    const png = await renderChartPng({ ...spec, title: "Title" });
    // Sanity of the decoder itself against resvg's own render of a blank SVG.
    const blank = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#fff"/></svg>',
    )
      .render()
      .asPng();
    expect(decodePng(blank).distinctColours).toBe(1);
    expect(decodePng(png).distinctColours).toBeGreaterThan(8);
  });
});
