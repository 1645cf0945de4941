import type { OpsdeskConfig } from "../../../config/types.js";
import type { JobDefinition } from "../../../scheduler/index.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import type { ReportsContext } from "../context.js";
import { drawCharts, queueCharts } from "../deliver.js";
import { improvementMetrics, measure } from "./metrics.js";
import { type ImprovementRow, improvementRef } from "./store.js";

export interface ReviewDeps {
  readonly reports: ReportsContext;
  readonly config: Pick<OpsdeskConfig, "services" | "channels">;
}

/** Improvements whose review day has begun: each is reviewed once, however often the job runs. */
export function improvementReviewJob(deps: ReviewDeps): JobDefinition {
  return {
    name: "improvement-reviews",
    every: "1m",
    async run({ now }) {
      await runImprovementReviews(deps, now);
    },
  };
}

/**
 * On its review day an improvement's metric is measured again and posted beside its baseline and target as
 * a small chart, to its owner and to its service's channel (the default incidents channel without one).
 * The row is marked reviewed in the same transaction that queues the posts, and only while it is not yet
 * (`reviewedAt IS NULL` in the update), so two replicas or a repeated run review it once.
 */
export async function runImprovementReviews(deps: ReviewDeps, now: Date): Promise<number> {
  const { reports, config } = deps;
  const due = (await reports.db.improvement.findMany({
    where: { reviewedAt: null, reviewOn: { lte: now } },
    orderBy: { number: "asc" },
    take: 20,
  })) as ImprovementRow[];
  let reviewed = 0;
  for (const row of due) {
    const value = await measure(
      reports.db,
      row.metric,
      { now, timezone: reports.timezone },
      row.serviceId ?? undefined,
    );
    const { label, unit } = improvementMetrics[row.metric];
    const spec: ChartSpec = {
      title: `${improvementRef(row.number)} review: ${label}`,
      kind: "bar",
      categories: ["Baseline", "Target", "Now"],
      series: [{ name: label, values: [row.baseline, row.target, value] }],
      unit,
    };
    const charts = await drawCharts({
      title: `${improvementRef(row.number)} · ${row.title}`,
      lines: [],
      charts: [spec],
    });
    const channels = row.serviceId
      ? config.services.find((service) => service.id === row.serviceId)?.channels
      : config.channels.incidents;
    const done = await reports.db.$transaction(async (tx) => {
      const claimed = await tx.improvement.updateMany({
        where: { number: row.number, reviewedAt: null },
        data: { reviewedAt: now, reviewValue: value },
      });
      if (claimed.count !== 1) return false;
      const key = `csi-review:${row.number}`;
      for (const platform of reports.platforms) {
        const owner = await tx.identity.findFirst({ where: { platform, personId: row.ownerId } });
        if (owner)
          await queueCharts(tx, charts, { platform, channelId: owner.externalId, direct: true }, key, now);
        const channelId = channels?.[platform] ?? config.channels.incidents[platform];
        if (channelId) await queueCharts(tx, charts, { platform, channelId, direct: false }, key, now);
      }
      return true;
    });
    if (done) reviewed++;
  }
  if (reviewed > 0) reports.onQueued();
  return reviewed;
}
