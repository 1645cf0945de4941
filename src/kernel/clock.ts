/** Time is a dependency: everything that needs "now" receives a Clock, so tests set the time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(to: Date | string): void {
    this.#ms = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}

/**
 * Another clock shifted forward by an offset that only grows: the console's time travel. OpsDesk runs on
 * one of these, so every part that reads the injected clock (cards, outbox, SLA sweeps) sees the same
 * shifted time. Listeners hear about each jump, so a scheduler can look at the new time at once instead of
 * at its next tick.
 */
export class OffsetClock implements Clock {
  readonly #base: Clock;
  #offsetMs: number;
  readonly #listeners = new Set<(now: Date) => void>();

  constructor(base: Clock, offsetMs = 0) {
    if (!Number.isSafeInteger(offsetMs) || offsetMs < 0) throw new RangeError("offset must be >= 0 ms");
    this.#base = base;
    this.#offsetMs = offsetMs;
  }

  now(): Date {
    return new Date(this.#base.now().getTime() + this.#offsetMs);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Moves time forward; never back, because timestamps already written must stay in the past. */
  advance(ms: number): Date {
    if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError("time only moves forward");
    this.#offsetMs += ms;
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
    return now;
  }

  /** Called after every advance; returns the function that stops listening. */
  onAdvance(listener: (now: Date) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
