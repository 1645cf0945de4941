/** Counters of what the dispatcher did, read by the metrics endpoint and by tests. Monotonic per process. */
export interface OutboxCounts {
  delivered: number;
  retried: number;
  dead: number;
  rate_limited: number;
}

export class OutboxMetrics {
  #counts: OutboxCounts = { delivered: 0, retried: 0, dead: 0, rate_limited: 0 };

  increment(counter: keyof OutboxCounts): void {
    this.#counts[counter] += 1;
  }

  snapshot(): OutboxCounts {
    return { ...this.#counts };
  }
}
