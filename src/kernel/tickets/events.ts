import type { Tx } from "../../db/client.js";
import type { ItemRef } from "./item-ref.js";

/**
 * Something that happened to an item, published by its owner inside the transaction that made it happen, so
 * another practice can act on it atomically (a problem fixed by CHG-9 is resolved in the very transaction
 * that closes CHG-9 successfully; a crash between the two cannot leave one without the other).
 */
export interface TicketEvent {
  readonly ref: ItemRef;
  /** Owner's words, documented where published: `raised`, `resolved`, `closed`, … */
  readonly type: string;
  readonly at: Date;
  /** The person who caused it. */
  readonly actorId: string;
  /** Whatever else the type carries, e.g. `{ closureCode: "successful" }` for a closed change. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export type TicketEventHandler = (tx: Tx, event: TicketEvent) => Promise<void>;

export interface TicketEventBus {
  publish(tx: Tx, event: TicketEvent): Promise<void>;
}

/**
 * Hands each event to every handler in turn, in the publisher's transaction: a handler that throws rolls the
 * publisher's change back with it (nothing half-done). `handlers` is read on every publish, so the bus can be
 * given to practices before all of them exist.
 */
export function createTicketEventBus(handlers: () => readonly TicketEventHandler[]): TicketEventBus {
  return {
    async publish(tx, event) {
      for (const handle of handlers()) await handle(tx, event);
    },
  };
}
