import type { Db, Tx } from "../../db/client.js";
import type { Clock } from "../../kernel/clock.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { Advice, ItemDraft } from "../../kernel/practice.js";
import type { PriorityMatrix } from "../../kernel/priority.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { IncidentEventKind, IncidentSnapshot } from "./model.js";

/** What happened to an incident, handed to hooks inside the transaction that made the change. */
export interface IncidentChange {
  kind: IncidentEventKind;
  incident: IncidentSnapshot;
  previous: IncidentSnapshot | null;
  actor: Actor;
  body?: string;
  visibility: "public" | "internal";
}

/**
 * Everything the incident services need. `onChange` hooks run inside the same transaction as the change,
 * which is where chat side effects are queued (the outbox), so a change and its posts commit together.
 */
export interface IncidentContext {
  db: Db;
  clock: Clock;
  priorityMatrix: PriorityMatrix;
  onChange?: ReadonlyArray<(tx: Tx, change: IncidentChange) => Promise<void>>;
  /** Called after a change committed, e.g. to wake the outbox dispatcher so posts go out at once. */
  onCommitted?: () => void;
  /** Other practices' items, for links (absent in tests that exercise incidents alone). */
  tickets?: TicketDirectory;
  /** Links other practices suggest for an incident being raised, recorded in the raising transaction. */
  advise?: (tx: Tx, draft: ItemDraft) => Promise<readonly Advice[]>;
}

export async function runChangeHooks(ctx: IncidentContext, tx: Tx, change: IncidentChange): Promise<void> {
  for (const hook of ctx.onChange ?? []) await hook(tx, change);
}
