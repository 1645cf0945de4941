import { createRequire } from "node:module";
import type { ChartSpec } from "./chart-spec.js";
import { chartColors, chartPalette } from "./palette.js";

/**
 * Renders a chart to PNG on the server, with no browser and no DOM: Apache ECharts' server-side SVG
 * renderer (`ssr: true`, https://echarts.apache.org/handbook/en/how-to/cross-platform/server) draws the
 * SVG, and resvg (@resvg/resvg-js, prebuilt per platform on the npm registry) turns it into PNG. Text is
 * set in Inter, shipped in @expo-google-fonts/inter, and system fonts are not loaded: the same chart gives
 * the same picture on a laptop and in the slim Docker image (which has no fonts).
 */
export const chartSize = { width: 960, height: 480 } as const;

const require = createRequire(import.meta.url);
const fontFiles = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];
const fontFamily = "Inter";

type ECharts = typeof import("echarts");
type Resvg = typeof import("@resvg/resvg-js");
let libraries: Promise<[ECharts, Resvg]> | undefined;

/** Loaded on first use: ECharts is large, and a desk that never draws a chart should not pay for it. */
function load(): Promise<[ECharts, Resvg]> {
  libraries ??= Promise.all([import("echarts"), import("@resvg/resvg-js")]);
  return libraries;
}

export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  const [echarts] = await load();
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...chartSize });
  try {
    chart.setOption(optionFor(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function renderChartPng(spec: ChartSpec): Promise<Uint8Array> {
  const svg = await renderChartSvg(spec);
  const [, resvg] = await load();
  const rendered = new resvg.Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: fontFamily },
    fitTo: { mode: "original" },
  }).render();
  return rendered.asPng();
}

function optionFor(spec: ChartSpec): Record<string, unknown> {
  const text = { color: chartColors.text, fontFamily, fontSize: 14 };
  const series = spec.series.map((s, i) => ({
    name: s.name,
    type: spec.kind === "line" ? "line" : "bar",
    ...(spec.kind === "stacked" ? { stack: "all" } : {}),
    data: [...s.values],
    itemStyle: { color: chartPalette[i % chartPalette.length] },
    ...(spec.kind === "line" ? { symbolSize: 8, lineStyle: { width: 3 }, connectNulls: false } : {}),
    ...(i === 0 && spec.target
      ? {
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: chartColors.target, type: "dashed", width: 2 },
            label: {
              position: "insideEndTop",
              formatter: `${spec.target.label} ${spec.target.value}${spec.unit}`,
              color: chartColors.target,
            },
            data: [{ yAxis: spec.target.value }],
          },
        }
      : {}),
  }));
  return {
    animation: false,
    backgroundColor: chartColors.background,
    textStyle: text,
    title: { text: spec.title, left: 24, top: 16, textStyle: { ...text, fontSize: 18, fontWeight: "bold" } },
    legend: {
      show: spec.series.length > 1,
      top: 20,
      right: 24,
      textStyle: { color: chartColors.text, fontFamily },
    },
    grid: { left: 72, right: 32, top: 72, bottom: 56 },
    xAxis: {
      type: "category",
      data: [...spec.categories],
      axisLabel: { color: chartColors.mutedText, fontFamily, fontSize: 13 },
      axisLine: { lineStyle: { color: chartColors.border } },
    },
    yAxis: {
      type: "value",
      minInterval: spec.unit === "" ? 1 : 0,
      ...(spec.unit === "%" ? { max: 100 } : {}),
      axisLabel: { color: chartColors.mutedText, fontFamily, fontSize: 13, formatter: `{value}${spec.unit}` },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    series,
  };
}
