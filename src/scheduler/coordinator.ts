import type { RunCoordinator } from "node-cron";
import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import { graphemePrefix } from "../kernel/text/clip.js";
import type { SchedulerLogger } from "./logger.js";
import { claimRun, finishRun, type RunClaim } from "./run-claims.js";

interface Held {
  claim: RunClaim;
  error: string | null;
  /** Settles once the run's outcome is recorded; stop() waits for it before the database closes. */
  completed: Promise<void>;
  markCompleted: () => void;
}

/**
 * node-cron's run-coordinator hook backed by the ScheduledRun table. node-cron asks `shouldRun(key)`
 * before each scheduled fire of a `distributed` task (key = `<task name>:<slot ISO>`) and calls
 * `onComplete(key)` after the task function settled, whatever its outcome; throwing from `shouldRun`
 * makes node-cron skip the fire (fail-closed), so a database outage never runs a slot twice.
 * `Scheduler.runDue` goes through the same two calls, so tests exercise what production runs.
 */
export class DatabaseRunCoordinator implements RunCoordinator {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #replicaId: string;
  readonly #leaseMs: number;
  readonly #logger: SchedulerLogger;
  /** Claims this replica holds, by key, with the job's error once it failed. */
  readonly #held = new Map<string, Held>();

  constructor(options: {
    db: Db;
    clock: Clock;
    replicaId: string;
    leaseMs: number;
    logger: SchedulerLogger;
  }) {
    this.#db = options.db;
    this.#logger = options.logger;
    this.#clock = options.clock;
    this.#replicaId = options.replicaId;
    this.#leaseMs = options.leaseMs;
  }

  async shouldRun(key: string): Promise<boolean> {
    const { job, slot } = parseRunKey(key);
    const claim = await claimRun(this.#db, {
      job,
      slot,
      replicaId: this.#replicaId,
      now: this.#clock.now(),
      leaseMs: this.#leaseMs,
    });
    if (!claim) return false;
    let markCompleted: () => void = () => undefined;
    const completed = new Promise<void>((resolve) => {
      markCompleted = resolve;
    });
    this.#held.set(key, { claim, error: null, completed, markCompleted });
    return true;
  }

  /** The claim behind a run this replica was elected for (its attempt number), while it runs. */
  claimFor(key: string): RunClaim | undefined {
    return this.#held.get(key)?.claim;
  }

  /** Remembers that the run failed; the error is stored with the run when it completes. */
  noteFailure(key: string, error: string): void {
    const held = this.#held.get(key);
    if (held) held.error = graphemePrefix(error, 1_000);
  }

  /**
   * Records the run's end. Throws when the database cannot be reached (node-cron and runDue log it); the
   * run then stays unfinished and another replica takes it over once the lease expires.
   */
  async onComplete(key: string): Promise<void> {
    const held = this.#held.get(key);
    if (!held) return;
    try {
      const recorded = await finishRun(this.#db, held.claim, this.#clock.now(), held.error);
      if (!recorded) {
        this.#logger.warn(
          { job: held.claim.job, slot: held.claim.slot, replicaId: held.claim.replicaId },
          "scheduled run finished after its lease expired; another replica may have run it too",
        );
      }
    } finally {
      this.#held.delete(key);
      held.markCompleted();
    }
  }

  /** Resolves once every run this replica was elected for has recorded its end. */
  async settled(): Promise<void> {
    while (this.#held.size > 0) await Promise.all([...this.#held.values()].map((held) => held.completed));
  }
}

/** `<job>:<slot ISO>`: job names contain no colon (see Scheduler.register), the ISO instant does. */
export function runKey(job: string, slot: Date): string {
  return `${job}:${slot.toISOString()}`;
}

export function parseRunKey(key: string): { job: string; slot: Date } {
  const colon = key.indexOf(":");
  const slot = new Date(key.slice(colon + 1));
  if (colon < 1 || Number.isNaN(slot.getTime())) throw new Error(`not a scheduled run key: "${key}"`);
  return { job: key.slice(0, colon), slot };
}
