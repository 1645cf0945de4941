/**
 * Colours that stay apart for people with colour-vision deficiencies (the Okabe-Ito palette, Okabe & Ito
 * 2008, "Color Universal Design") and keep at least 3:1 contrast against the chart's own background
 * (WCAG 1.4.11 non-text contrast). The chart is drawn on an opaque panel of its own, so it reads the same
 * in a chat client's light and dark themes instead of depending on the client's background.
 */
export const chartPalette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

export const chartColors = {
  background: "#FFFFFF",
  border: "#8A8F98",
  text: "#1F2328",
  mutedText: "#57606A",
  grid: "#D0D7DE",
  target: "#B00020",
} as const;
