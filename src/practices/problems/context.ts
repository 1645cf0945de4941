import type { Db, Tx } from "../../db/client.js";
import type { DatabaseEngine } from "../../db/engine.js";
import type { Clock } from "../../kernel/clock.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { PriorityMatrix } from "../../kernel/priority.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import type { ProblemEventKind, ProblemSnapshot } from "./model.js";
import type { ProblemManagers } from "./permissions.js";

/** What happened to a problem, handed to hooks inside the transaction that made the change. */
export interface ProblemChange {
  kind: ProblemEventKind;
  problem: ProblemSnapshot;
  previous: ProblemSnapshot | null;
  actor: Actor;
  body?: string;
}

/**
 * Everything the problem services need; mirrors IncidentContext. `onChange` hooks run inside the change's
 * transaction (posts go to the outbox there), `onCommitted` after it committed.
 */
export interface ProblemContext {
  db: Db;
  clock: Clock;
  priorityMatrix: PriorityMatrix;
  managers: ProblemManagers;
  tickets: TicketDirectory;
  /** For the one engine-specific query: known-error full-text search. */
  engine: DatabaseEngine;
  onChange?: ReadonlyArray<(tx: Tx, change: ProblemChange) => Promise<void>>;
  onCommitted?: () => void;
}

export async function runProblemHooks(ctx: ProblemContext, tx: Tx, change: ProblemChange): Promise<void> {
  for (const hook of ctx.onChange ?? []) await hook(tx, change);
}
