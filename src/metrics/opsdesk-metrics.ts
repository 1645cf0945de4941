import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import type { OutboxCounts } from "../outbox/index.js";
import type { GaugeSample, RunningPractice } from "../practices/env.js";
import type { SchedulerCounts } from "../scheduler/index.js";

/** What the metrics read when Prometheus scrapes; attached once the desk is running. */
export interface MetricSources {
  outbox(): OutboxCounts;
  schedulerRuns(): Record<string, SchedulerCounts>;
  practices: readonly RunningPractice[];
}

/** An interaction as the desk finished it: where from, what, and how it ended. */
export interface InteractionOutcome {
  platform: string;
  kind: string;
  /** `ok`, `refused` (a private explanation: bad input, no right), `failed` (unexpected), `repeat`. */
  outcome: "ok" | "refused" | "failed" | "repeat";
  seconds: number;
}

/**
 * OpsDesk's Prometheus metrics (prom-client, text exposition format 0.0.4). Counters are kept in this
 * process (interactions, acknowledgement latency) or read from the outbox dispatcher's and scheduler's
 * own monotonic counts; gauges (outbox depth, SLA clocks, open tickets) are read from the database at
 * scrape time, so every replica reports the same shared state and the counters are per replica.
 */
export class OpsdeskMetrics {
  readonly registry = new Registry();
  #sources: MetricSources | undefined;
  readonly #interactions: Counter<"platform" | "kind" | "outcome">;
  readonly #interactionSeconds: Histogram<"platform" | "kind">;
  readonly #acknowledgement: Histogram<"endpoint">;

  constructor(db: Db, clock: Clock) {
    const registers = [this.registry];
    this.#interactions = new Counter({
      name: "opsdesk_interactions_total",
      help: "Interactions (commands, buttons, forms, message actions) handled, by platform, kind and outcome",
      labelNames: ["platform", "kind", "outcome"],
      registers,
    });
    this.#interactionSeconds = new Histogram({
      name: "opsdesk_interaction_duration_seconds",
      help: "Time from the desk receiving an interaction to its answer being ready",
      labelNames: ["platform", "kind"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
      registers,
    });
    // Slack and Discord want an answer within 3 s: the buckets bracket that limit.
    this.#acknowledgement = new Histogram({
      name: "opsdesk_acknowledgement_seconds",
      help: "Time to answer a platform's HTTP request (Slack events and interactions, Discord HTTP interactions)",
      labelNames: ["endpoint"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
      registers,
    });
    const self = this;
    new Gauge({
      name: "opsdesk_outbox_depth",
      help: "Chat posts waiting or being delivered, by platform",
      labelNames: ["platform"],
      registers,
      async collect() {
        this.reset();
        const rows = await db.outboxMessage.groupBy({
          by: ["platform"],
          _count: { _all: true },
          where: { status: { in: ["pending", "delivering"] } },
          orderBy: { platform: "asc" },
        });
        for (const row of rows) this.set({ platform: row.platform }, row._count._all);
      },
    });
    new Gauge({
      name: "opsdesk_outbox_oldest_age_seconds",
      help: "Age of the oldest chat post not yet delivered (0 when none waits)",
      registers,
      async collect() {
        const oldest = await db.outboxMessage.findFirst({
          where: { status: { in: ["pending", "delivering"] } },
          orderBy: { createdAt: "asc" },
          select: { createdAt: true },
        });
        this.set(oldest ? Math.max(0, (clock.now().getTime() - oldest.createdAt.getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: "opsdesk_outbox_dead_letters",
      help: "Chat posts given up on (dead letters), by platform",
      labelNames: ["platform"],
      registers,
      async collect() {
        this.reset();
        const rows = await db.outboxMessage.groupBy({
          by: ["platform"],
          _count: { _all: true },
          where: { status: "dead" },
          orderBy: { platform: "asc" },
        });
        for (const row of rows) this.set({ platform: row.platform }, row._count._all);
      },
    });
    new Counter({
      name: "opsdesk_outbox_deliveries_total",
      help: "What this replica's outbox dispatcher did with posts: delivered, retried, dead, rate_limited",
      labelNames: ["outcome"],
      registers,
      collect() {
        const counts = self.#sources?.outbox();
        if (!counts) return;
        this.reset();
        for (const [outcome, value] of Object.entries(counts)) this.inc({ outcome }, value);
      },
    });
    new Counter({
      name: "opsdesk_scheduler_runs_total",
      help: "Scheduled runs on this replica by job and outcome (succeeded, failed, not_elected, taken_over)",
      labelNames: ["job", "outcome"],
      registers,
      collect() {
        const byJob = self.#sources?.schedulerRuns();
        if (!byJob) return;
        this.reset();
        for (const [job, counts] of Object.entries(byJob))
          for (const [outcome, value] of Object.entries(counts)) this.inc({ job, outcome }, value);
      },
    });
    const practiceGauges = {
      tickets_open: new Gauge({
        name: "opsdesk_tickets_open",
        help: "Open tickets by practice and kind",
        labelNames: ["practice", "kind"],
        registers,
      }),
      sla_clocks: new Gauge({
        name: "opsdesk_sla_clocks",
        help: "SLA clocks by kind (response, resolution) and state (running, paused, stopped)",
        labelNames: ["kind", "state"],
        registers,
      }),
      sla_breached_clocks: new Gauge({
        name: "opsdesk_sla_breached_clocks",
        help: "SLA clocks breached (flagged, or running past due), by kind",
        labelNames: ["kind"],
        registers,
      }),
    } satisfies Record<GaugeSample["metric"], Gauge<string>>;
    // One read per scrape for all the practices' gauges, before any of them is written out (scrape()).
    this.#refreshPractices = async () => {
      const samples = (
        await Promise.all((self.#sources?.practices ?? []).map((p) => p.gauges?.() ?? []))
      ).flat();
      for (const gauge of Object.values(practiceGauges)) gauge.reset();
      for (const sample of samples) practiceGauges[sample.metric].set(sample.labels, sample.value);
    };
  }

  readonly #refreshPractices: () => Promise<void>;

  attach(sources: MetricSources): void {
    this.#sources = sources;
  }

  recordInteraction(done: InteractionOutcome): void {
    this.#interactions.inc({ platform: done.platform, kind: done.kind, outcome: done.outcome });
    if (done.outcome !== "repeat")
      this.#interactionSeconds.observe({ platform: done.platform, kind: done.kind }, done.seconds);
  }

  recordAcknowledgement(endpoint: string, seconds: number): void {
    this.#acknowledgement.observe({ endpoint }, seconds);
  }

  readonly contentType = this.registry.contentType;

  /** The exposition text for one scrape. */
  async scrape(): Promise<string> {
    await this.#refreshPractices();
    return this.registry.metrics();
  }
}
