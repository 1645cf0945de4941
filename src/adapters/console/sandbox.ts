import type { Db } from "../../db/client.js";
import type { DatabaseProvider } from "../../db/schema-source.js";
import { type Clock, OffsetClock } from "../../kernel/clock.js";
import { OpsDeskError } from "../../kernel/errors.js";

/** Why time travel is refused here; the message says what to do instead. */
export class TimeTravelRefusedError extends OpsDeskError {
  constructor(userMessage: string) {
    super("forbidden", userMessage);
  }
}

export interface SandboxFacts {
  provider: DatabaseProvider;
  /** No migration had ever run and it held no tables: OpsDesk is creating this database right now. */
  freshDatabase: boolean;
  /** Slack or Discord credentials are set. */
  chatConnected: boolean;
  consoleEnabled: boolean;
}

export interface ConsoleSandbox {
  /** The clock the whole process runs on; shifted only when this database is a sandbox. */
  clock: OffsetClock;
  /** Null when time travel is allowed; otherwise why not, for the person who asked. */
  refusal: string | null;
  /** Moves the clock forward and remembers the shift in the database, so a restart keeps it. */
  advance(ms: number): Promise<Date>;
}

/** Time travel jumps at most this far at once: enough for any SLA, small enough to notice a typo. */
export const maxJumpMs = 30 * 24 * 60 * 60 * 1000;

const SANDBOX_ROW = 1;

/**
 * The console's sandbox: a SQLite database OpsDesk created itself, on a start with the console on and no
 * chat credentials, and marked as such in the ConsoleSandbox table at birth. A database that held tables before
 * OpsDesk first migrated it (someone else's data), PostgreSQL, or any start with Slack or Discord connected
 * is never a sandbox, so time travel cannot touch data people rely on.
 */
export async function openConsoleSandbox(db: Db, base: Clock, facts: SandboxFacts): Promise<ConsoleSandbox> {
  const mayMark =
    facts.consoleEnabled && facts.provider === "sqlite" && facts.freshDatabase && !facts.chatConnected;
  const row = await db.$transaction(async (tx) => {
    if (mayMark) {
      await tx.consoleSandbox.upsert({
        where: { id: SANDBOX_ROW },
        create: { id: SANDBOX_ROW, createdAt: base.now(), offsetSeconds: 0 },
        update: {},
      });
    }
    return tx.consoleSandbox.findUnique({ where: { id: SANDBOX_ROW } });
  });
  const refusal = refusalFor(facts, row !== null);
  const clock = new OffsetClock(base, refusal === null && row ? row.offsetSeconds * 1000 : 0);
  return {
    clock,
    refusal,
    advance: async (ms) => {
      if (refusal !== null) throw new TimeTravelRefusedError(refusal);
      if (!Number.isSafeInteger(ms) || ms < 1000 || ms > maxJumpMs || ms % 1000 !== 0)
        throw new TimeTravelRefusedError(
          "Time travel jumps forward by whole seconds, at most 30 days at once.",
        );
      await db.$transaction((tx) =>
        tx.consoleSandbox.update({
          where: { id: SANDBOX_ROW },
          data: { offsetSeconds: { increment: ms / 1000 } },
        }),
      );
      return clock.advance(ms);
    },
  };
}

function refusalFor(facts: SandboxFacts, marked: boolean): string | null {
  const howTo =
    "For a sandbox, start OpsDesk without chat credentials on a new SQLite file, e.g. DATABASE_URL=file:./data/sandbox.db npm start.";
  if (facts.provider !== "sqlite")
    return `Time travel is refused: this OpsDesk runs on PostgreSQL, a shared database people rely on. ${howTo}`;
  if (facts.chatConnected)
    return `Time travel is refused: OpsDesk is connected to Slack or Discord, and shifted time would send real people SLA alerts. ${howTo}`;
  if (!marked)
    return `Time travel is refused: this database was not created as the console's sandbox (it existed before with tables in it, or was first started with chat credentials). ${howTo}`;
  return null;
}
