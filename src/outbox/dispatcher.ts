import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/client.js";
import { type Clock, systemClock } from "../kernel/clock.js";
import { type BackoffPolicy, defaultBackoff } from "./backoff.js";
import { claimDue } from "./claim.js";
import { type Claim, claimOf, recordDead, recordDelivered, recordRetry } from "./complete.js";
import { ChannelCooldowns } from "./cooldowns.js";
import { PermanentDeliveryError, TransientDeliveryError } from "./errors.js";
import { decideAfterFailure, errorSummary } from "./failure-policy.js";
import { type OutboxLogger, silentLogger } from "./logger.js";
import type { ChatPlatform, OutboxRow } from "./message.js";
import { OutboxMetrics } from "./metrics.js";
import { databaseRefStore, type RefStore } from "./refs.js";
import { type StoredOutboxRow, toOutboxRow } from "./stored-row.js";
import { systemTimers, type Timers } from "./timers.js";
import type { ChatTransport, DeliveryResult } from "./transport.js";

export interface OutboxDispatcherOptions {
  db: Db;
  /** One per platform this replica can reach; rows of other platforms are left to other replicas. */
  transports: readonly ChatTransport[];
  clock?: Clock;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  timers?: Timers;
  logger?: OutboxLogger;
  metrics?: OutboxMetrics;
  /** Names this replica in `claimedBy`; unique per process by default. */
  replicaId?: string;
  /** How long to idle when nothing is due and nobody called wake(). Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim holds before another replica may take the row over. Default 60 s. */
  leaseMs?: number;
  /** A delivery that takes longer is aborted and retried; must be shorter than the lease. Default 30 s. */
  deliveryTimeoutMs?: number;
  /** Failed attempts (rate limits excluded) before a row is dead-lettered. Default 8. */
  maxAttempts?: number;
  /** Rows claimed per round; they have distinct ordering keys and are delivered in parallel. Default 16. */
  batchSize?: number;
  backoff?: BackoffPolicy;
}

/**
 * Delivers the outbox: claims due rows (claim.ts), hands each to its platform's transport, and records the
 * outcome (complete.ts) with retry, rate-limit and dead-letter rules from failure-policy.ts.
 *
 * Guarantees: a row is delivered by one replica at a time; rows sharing an ordering key go out one at a
 * time in id order, even while the head backs off; a row is never dropped silently (delivered, or dead
 * with its last error, logged at error level and counted). A replica that dies mid-delivery leaves a
 * lease that expires after `leaseMs`; the row is then delivered by whoever claims it next (`attempt > 1`
 * tells the transport to check the platform first, see transport.ts).
 */
export class OutboxDispatcher {
  readonly metrics: OutboxMetrics;
  readonly replicaId: string;
  readonly #db: Db;
  readonly #transports: Map<ChatPlatform, ChatTransport>;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #timers: Timers;
  readonly #logger: OutboxLogger;
  readonly #refs: RefStore;
  readonly #cooldowns = new ChannelCooldowns();
  readonly #settings: {
    pollIntervalMs: number;
    leaseMs: number;
    deliveryTimeoutMs: number;
    maxAttempts: number;
    batchSize: number;
    backoff: BackoffPolicy;
  };
  #loop: Promise<void> | undefined;
  #stopping = false;
  #woken = false;
  #interruptIdle: (() => void) | undefined;

  constructor(options: OutboxDispatcherOptions) {
    this.#db = options.db;
    this.#transports = new Map(options.transports.map((t) => [t.platform, t]));
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#timers = options.timers ?? systemTimers;
    this.#logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? new OutboxMetrics();
    this.replicaId = options.replicaId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#refs = databaseRefStore(options.db, this.#clock);
    this.#settings = {
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      leaseMs: options.leaseMs ?? 60_000,
      deliveryTimeoutMs: options.deliveryTimeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 8,
      batchSize: options.batchSize ?? 16,
      backoff: options.backoff ?? defaultBackoff,
    };
    if (this.#settings.deliveryTimeoutMs >= this.#settings.leaseMs) {
      // Otherwise a slow but live delivery could lose its lease and the row be delivered twice.
      throw new RangeError("deliveryTimeoutMs must be shorter than leaseMs");
    }
    if (this.#settings.maxAttempts < 1) throw new RangeError("maxAttempts must be at least 1");
  }

  /** Starts delivering in the background until stop(). Calling it twice is harmless. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run();
  }

  /** Stops claiming and resolves once the deliveries in flight have finished and been recorded. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#interruptIdle?.();
    await this.#loop;
    this.#loop = undefined;
  }

  /** Something was just committed to the outbox: look now instead of at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#interruptIdle?.();
  }

  /** Delivers everything due now (by the injected clock) and returns how many rows it settled. For tests. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const settled = await this.#round();
      if (settled === 0) return total;
      total += settled;
    }
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      let settled = 0;
      try {
        settled = await this.#round();
      } catch (error) {
        // The database is unreachable or similar: keep the loop alive and try again after the interval.
        this.#logger.error({ err: error, replicaId: this.replicaId }, "outbox round failed");
      }
      if (this.#stopping) break;
      const woken = this.#woken;
      this.#woken = false;
      if (settled === 0 && !woken) await this.#idle(this.#settings.pollIntervalMs);
    }
  }

  #idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.#timers.setTimeout(() => finish(), ms);
      const finish = () => {
        this.#timers.clearTimeout(handle);
        this.#interruptIdle = undefined;
        resolve();
      };
      this.#interruptIdle = finish;
    });
  }

  /** One claim and the deliveries it yields; returns the number of rows claimed or dead-lettered. */
  async #round(): Promise<number> {
    const now = this.#clock.now();
    const { claimed, deadLettered } = await claimDue(this.#db, {
      now,
      replicaId: this.replicaId,
      leaseMs: this.#settings.leaseMs,
      platforms: [...this.#transports.keys()],
      limit: this.#settings.batchSize,
      maxAttempts: this.#settings.maxAttempts,
      skip: (c) => this.#cooldowns.isCooling(c.platform, c.channelId, now.getTime()),
    });
    for (const row of deadLettered) this.#countDead(row, "lease_expired", row.lastError ?? "", "exhausted");
    await Promise.all(claimed.map((row) => this.#process(row)));
    return claimed.length + deadLettered.length;
  }

  async #process(stored: StoredOutboxRow): Promise<void> {
    const claim = claimOf(stored, this.replicaId);
    try {
      let row: OutboxRow;
      try {
        row = toOutboxRow(stored);
      } catch (error) {
        // Written by a newer or broken producer: no transport can render it, so it is dead on arrival.
        await this.#fail(
          stored,
          claim,
          new PermanentDeliveryError("invalid_payload", String(error), { cause: error }),
        );
        return;
      }
      const transport = this.#transports.get(row.platform);
      if (!transport) throw new Error(`no transport for ${row.platform}`);
      let result: DeliveryResult;
      try {
        result = await this.#deliver(transport, row);
      } catch (error) {
        await this.#fail(stored, claim, error);
        return;
      }
      if (await recordDelivered(this.#db, claim, row, result, this.#clock.now())) {
        this.metrics.increment("delivered");
      } else {
        // The lease expired before we finished and another replica took the row: the platform may now
        // receive it twice, which the transport's idempotency check is there to absorb.
        this.#logger.warn(
          this.#fields(stored, { result }),
          "outbox delivery finished after its lease was lost",
        );
      }
    } catch (error) {
      // Recording the outcome failed (database trouble): the lease will expire and the row be retried.
      this.#logger.error(this.#fields(stored, { err: error }), "outbox could not record a delivery outcome");
    }
  }

  async #deliver(transport: ChatTransport, row: OutboxRow): Promise<DeliveryResult> {
    const controller = new AbortController();
    let handle: unknown;
    const timeout = new Promise<never>((_, reject) => {
      handle = this.#timers.setTimeout(() => {
        controller.abort();
        reject(
          new TransientDeliveryError(
            "delivery_timeout",
            `no answer within ${this.#settings.deliveryTimeoutMs} ms`,
          ),
        );
      }, this.#settings.deliveryTimeoutMs);
    });
    try {
      // Through a promise so a transport that throws synchronously is handled like one that rejects.
      const delivery = Promise.resolve().then(() => transport.deliver(row, this.#refs, controller.signal));
      return await Promise.race([delivery, timeout]);
    } finally {
      this.#timers.clearTimeout(handle);
    }
  }

  async #fail(stored: StoredOutboxRow, claim: Claim, error: unknown): Promise<void> {
    const decision = decideAfterFailure(error, {
      attempts: stored.attempts,
      maxAttempts: this.#settings.maxAttempts,
      now: this.#clock.now(),
      random: this.#random,
      backoff: this.#settings.backoff,
    });
    if (decision.outcome === "dead") {
      if (await recordDead(this.#db, claim, errorSummary(error))) {
        this.#countDead(stored, decision.code, errorSummary(error), decision.reason, error);
      }
      return;
    }
    const owned = await recordRetry(this.#db, claim, {
      nextAttemptAt: decision.nextAttemptAt,
      refundAttempt: decision.refundAttempt,
      lastError: errorSummary(error),
    });
    if (!owned) return;
    const retryInMs = decision.nextAttemptAt.getTime() - this.#clock.now().getTime();
    if (decision.rateLimited) {
      if (decision.holds === "platform") {
        this.#cooldowns.holdPlatform(stored.platform, decision.nextAttemptAt.getTime());
      } else {
        this.#cooldowns.hold(stored.platform, stored.channelId, decision.nextAttemptAt.getTime());
      }
      this.metrics.increment("rate_limited");
      this.#logger.info(
        this.#fields(stored, { code: decision.code, retryInMs }),
        "outbox delivery rate limited",
      );
    } else {
      this.metrics.increment("retried");
      this.#logger.warn(
        this.#fields(stored, { code: decision.code, retryInMs, err: error }),
        "outbox delivery failed; will retry",
      );
    }
  }

  #countDead(row: StoredOutboxRow, code: string, lastError: string, reason: string, error?: unknown): void {
    this.metrics.increment("dead");
    this.#logger.error(
      this.#fields(row, { code, lastError, reason, ...(error ? { err: error } : {}) }),
      "outbox message dead-lettered: it will not be delivered unless replayed",
    );
  }

  #fields(row: StoredOutboxRow, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      outboxId: row.id,
      idempotencyKey: row.idempotencyKey,
      orderingKey: row.orderingKey,
      platform: row.platform,
      channelId: row.channelId,
      kind: row.kind,
      attempt: row.attempts,
      replicaId: this.replicaId,
      ...extra,
    };
  }
}
