/**
 * Wrong console secrets per address, in a sliding window: after `limit` failures within `windowMs` the
 * address is refused (429) until the oldest failure leaves the window, which makes guessing the secret
 * (OWASP ASVS 2.2.1, "anti-automation") hopeless while a person who mistyped waits minutes at most. Kept in
 * memory per process: a restart forgets, and with several replicas each counts its own.
 */
export class SignInThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: { limit?: number; windowMs?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? 10;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Milliseconds until this address may try again, or 0 when it may try now. */
  waitFor(address: string): number {
    const recent = this.#recent(address);
    if (recent.length < this.#limit) return 0;
    return (recent[recent.length - this.#limit] ?? 0) + this.#windowMs - this.#now();
  }

  failed(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.#now());
    this.#failures.set(address, recent);
    // Bounded memory under a spray from many addresses: forget the quietest first (Map keeps insertion order).
    if (this.#failures.size > 10_000) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  #recent(address: string): number[] {
    const since = this.#now() - this.#windowMs;
    const recent = (this.#failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(address);
    return recent;
  }
}
