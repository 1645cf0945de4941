import type { Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import { imageView } from "../../kernel/views/image.js";
import { postText } from "../../kernel/views/post-text.js";
import { enqueueOutbox } from "../../outbox/index.js";
import type { ImageMessageBody } from "../../outbox/message-payload.js";
import type { ChartSpec } from "./charts/chart-spec.js";
import { chartAltText, chartLines } from "./charts/describe.js";
import { chartSize, renderChartPng } from "./charts/render.js";
import type { ReportOutput } from "./figures/report.js";

/** A chart drawn and described, ready to queue: the picture, its alt text and its numbers as text. */
export interface DrawnChart {
  readonly body: ImageMessageBody;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "chart"
  );
}

/**
 * Draws every chart of a report (outside any transaction: drawing takes tens of milliseconds). With
 * `withFigures` the first chart's text also carries the report's headline figures (a digest has no private
 * answer to carry them).
 */
export async function drawCharts(report: ReportOutput, withFigures = false): Promise<DrawnChart[]> {
  return Promise.all(
    report.charts.map(async (spec: ChartSpec, i) => {
      const png = await renderChartPng(spec);
      const image = imageView({
        filename: `${slug(spec.title)}-${i + 1}.png`,
        title: spec.title,
        altText: chartAltText(spec),
        png,
        ...chartSize,
      });
      const figures = withFigures && i === 0 ? `${report.lines.join("\n")}\n\n` : "";
      const text = postText`${report.title}: ${spec.title}\n${figures}${chartLines(spec).join("\n")}`;
      return { body: { image, text } };
    }),
  );
}

/**
 * Queues the charts to one destination in order (one ordering key): a person (`direct_image`, channelId is
 * their platform user id) or a channel (`post_image`). `key` names the cause, so the same cause never queues
 * twice (a digest slot, a review date).
 */
export async function queueCharts(
  tx: Tx,
  charts: readonly DrawnChart[],
  to: { platform: Platform; channelId: string; direct: boolean },
  key: string,
  at: Date,
): Promise<number> {
  let queued = 0;
  for (const [i, chart] of charts.entries()) {
    const inserted = await enqueueOutbox(tx, {
      idempotencyKey: `${key}:${to.platform}:${to.channelId}:${i}`,
      platform: to.platform,
      channelId: to.channelId,
      orderingKey: `${to.direct ? "dm" : "channel"}:${to.platform}:${to.channelId}`,
      kind: to.direct ? "direct_image" : "post_image",
      body: chart.body,
      at,
    });
    if (inserted) queued++;
  }
  return queued;
}
