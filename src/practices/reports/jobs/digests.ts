import type { DigestSettings } from "../../../config/types.js";
import type { Platform } from "../../../kernel/people/actor.js";
import type { JobDefinition } from "../../../scheduler/index.js";
import { buildReport } from "../build-report.js";
import type { ReportsContext } from "../context.js";
import { type DrawnChart, drawCharts, queueCharts } from "../deliver.js";
import { digestDueAt } from "./digest-due.js";

export interface DigestsDeps {
  readonly reports: ReportsContext;
  readonly digests: readonly DigestSettings[];
}

/**
 * Weekly digests. The job runs every minute on one replica per slot; a digest that is due is queued in the
 * outbox under keys naming the digest and the instant it was due, so it is posted once per week however
 * often and on however many replicas the job runs (a repeat finds its rows and stops; two replicas racing
 * insert the same keys and the second insert does nothing).
 */
export function digestsJob(deps: DigestsDeps): JobDefinition {
  return {
    name: "report-digests",
    every: "1m",
    async run({ now }) {
      await runDigests(deps, now);
    },
  };
}

/** Queues every digest due at `now`; returns how many chart posts were queued (0 when already done). */
export async function runDigests(deps: DigestsDeps, now: Date): Promise<number> {
  const { reports } = deps;
  let queued = 0;
  for (const digest of deps.digests) {
    const due = digestDueAt(digest, now, reports.timezone);
    if (!due) continue;
    const key = `digest:${digest.id}:${due.toISOString()}`;
    // Already queued for this slot: nothing to read or draw.
    const done = await reports.db.outboxMessage.findFirst({
      where: { idempotencyKey: { startsWith: `${key}:` } },
      select: { id: true },
    });
    if (done) continue;
    const destinations = reports.platforms.flatMap((platform: Platform) => {
      const channelId = digest.channel[platform];
      return channelId ? [{ platform, channelId, direct: false }] : [];
    });
    if (destinations.length === 0) continue;
    const drawn: DrawnChart[] = [];
    for (const kind of digest.reports) {
      const report = await buildReport(
        { db: reports.db, now: due, timezone: reports.timezone, serviceIds: reports.serviceIds },
        { kind, period: digest.period, service: digest.service },
      );
      drawn.push(...(await drawCharts({ ...report, title: `Weekly digest · ${report.title}` }, true)));
    }
    await reports.db.$transaction(async (tx) => {
      for (const to of destinations) queued += await queueCharts(tx, drawn, to, key, due);
    });
  }
  if (queued > 0) reports.onQueued();
  return queued;
}
