import pLimit from "p-limit";

/** Runs a piece of interaction work when a slot is free; resolves with its result. */
export type WorkLimiter = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Bounds how many chat interactions do their database work at once.
 *
 * Why: every request is acknowledged first and worked after, on the one main thread. Without a bound, a
 * burst of 50 commands starts 50 pieces of work that take turns with each other on every event-loop turn,
 * so the 51st request waits behind a slice of all 50 before it can even be read and acknowledged, and
 * every card waits for the whole burst. With a bound, work runs first-come first-served a few at a time,
 * new requests are read and acknowledged between statements, and early requests finish early. SQLite
 * serialises writers anyway, so a small bound costs it no throughput; PostgreSQL gets one per pool slot.
 */
export function createWorkLimiter(concurrency: number): WorkLimiter {
  const limit = pLimit(concurrency);
  return (work) => limit(work);
}
