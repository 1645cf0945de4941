import { type Db, type Tx, transactionOptions } from "../../db/client.js";
import { ConflictError } from "../errors.js";

/** A lost race is decided again on the new state; after this many losses in a row the person is told. */
const attempts = 3;

/**
 * Runs one ticket change: `attempt` reads the ticket, decides, and writes conditionally on the version it
 * decided on, answering null when another change won the race. A lost race is decided again on the new
 * state (where it usually becomes a clear "already done" or "not allowed now"), so of two simultaneous
 * clicks exactly one applies. `onCommitted` runs once the winning transaction committed.
 */
export async function writeOnVersion<T>(
  ctx: { db: Db; onCommitted?: (() => void) | undefined },
  ref: string,
  attempt: (tx: Tx) => Promise<T | null>,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const result = await ctx.db.$transaction(attempt, transactionOptions);
    if (result) {
      ctx.onCommitted?.();
      return result;
    }
  }
  throw new ConflictError(`${ref} is changing very quickly right now; look at the card and try again.`);
}
