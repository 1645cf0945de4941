import type { ChangeSettings } from "../../config/change-settings.js";
import type { Db, Tx } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { Conflict } from "./conflicts.js";
import type { ChangeSnapshot } from "./model.js";

/** What happened to a change, handed to hooks inside the transaction that made it. */
export interface ChangeEvent {
  kind: string;
  change: ChangeSnapshot;
  previous: ChangeSnapshot | null;
  actor: Actor;
  body?: string;
  /** Conflicts found for the change's window and services at the moment of the event. */
  conflicts: readonly Conflict[];
  /** Who votes on it, when the event already knows (votes do), so hooks need not look it up again. */
  approvers?: string;
}

/** Everything the change services need; mirrors IncidentContext. */
export interface ChangeContext {
  db: Db;
  clock: Clock;
  settings: ChangeSettings;
  /** The desk's time zone: dates of people without one of their own are read and shown in it. */
  timezone: string;
  /** Service id → the ids it depends on (from opsdesk.yaml), for conflicts through dependencies. */
  dependencies: Readonly<Record<string, readonly string[]>>;
  /**
   * Other practices' items, for conflicts through the configuration items changes affect. Unset (unit
   * fixtures): conflicts come from services alone.
   */
  tickets?: TicketDirectory;
  onChange?: ReadonlyArray<(tx: Tx, event: ChangeEvent) => Promise<void>>;
  onCommitted?: () => void;
}

export async function runChangeHooks(ctx: ChangeContext, tx: Tx, event: ChangeEvent): Promise<void> {
  for (const hook of ctx.onChange ?? []) await hook(tx, event);
}
