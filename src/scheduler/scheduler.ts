import { type Logger as CronLogger, createTask, type ScheduledTask } from "node-cron";
import type { Db } from "../db/client.js";
import type { Clock } from "../kernel/clock.js";
import { DatabaseRunCoordinator, runKey } from "./coordinator.js";
import { type Interval, parseInterval, slotAt } from "./interval.js";
import { type SchedulerLogger, silentSchedulerLogger } from "./logger.js";
import { abandonedSlots } from "./run-claims.js";

/** What a job is handed for one run. */
export interface JobRun {
  job: string;
  /** The slot this run is for: an interval boundary, identical on every replica. */
  slot: Date;
  /** 1, or more when this replica took over a run whose claimer died. */
  attempt: number;
  /** The injected clock's time when the run started. */
  now: Date;
}

export interface JobDefinition {
  /** Lowercase letters, digits, `.`, `_` and `-`: it names the job in the database and the logs. */
  name: string;
  /** `30s`, `5m`, `1h`… (see interval.ts). */
  every: string | Interval;
  /**
   * Runs once per slot across all replicas. Should be safe to run again for a slot (a take-over after a
   * crash repeats work the dead replica may have half done): decide from the database, not from the slot.
   */
  run(run: JobRun): Promise<void> | void;
}

export type RunOutcome = "succeeded" | "failed" | "not_elected";

export interface RunReport {
  job: string;
  slot: Date;
  outcome: RunOutcome;
  /** True when this run took over one whose claimer's lease had expired. */
  takeOver: boolean;
}

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  /** Names this replica in ScheduledRun.claimedBy. */
  replicaId: string;
  /** How long an elected replica holds a run before others may take it over. Default 60 s. */
  leaseMs?: number;
  logger?: SchedulerLogger;
  /** Abandoned runs a job takes over per tick, oldest first. Default 5. */
  takeOverLimit?: number;
}

interface Registered {
  definition: JobDefinition;
  interval: Interval;
  task?: ScheduledTask;
}

/** Counters for the metrics endpoint and tests; monotonic per process. */
export interface SchedulerCounts {
  succeeded: number;
  failed: number;
  not_elected: number;
  taken_over: number;
}

const jobName = /^[a-z][a-z0-9._-]{0,62}$/;

/**
 * Runs registered jobs on node-cron, each slot on exactly one replica. node-cron fires the slot on every
 * replica (UTC, `noOverlap` so a slow run is never stacked on itself) and asks the run coordinator first;
 * ours is the database (coordinator.ts), so one replica wins each (job, slot). A job's errors are logged
 * with its name and recorded on its run; they never escape into node-cron or the process. A run whose
 * replica died is taken over at the job's next elected tick, so no slot is left half done.
 */
export class Scheduler {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: SchedulerLogger;
  readonly #coordinator: DatabaseRunCoordinator;
  readonly #leaseMs: number;
  readonly #takeOverLimit: number;
  readonly #jobs = new Map<string, Registered>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #counts: SchedulerCounts = { succeeded: 0, failed: 0, not_elected: 0, taken_over: 0 };
  readonly #byJob = new Map<string, SchedulerCounts>();
  #started = false;
  readonly replicaId: string;

  constructor(options: SchedulerOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.replicaId = options.replicaId;
    this.#logger = options.logger ?? silentSchedulerLogger;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#takeOverLimit = options.takeOverLimit ?? 5;
    this.#coordinator = new DatabaseRunCoordinator({
      db: options.db,
      clock: options.clock,
      replicaId: options.replicaId,
      leaseMs: this.#leaseMs,
      logger: this.#logger,
    });
  }

  /** Adds a job; when the scheduler already runs, the job starts at its next slot. */
  register(definition: JobDefinition): void {
    if (!jobName.test(definition.name)) {
      throw new RangeError(
        `job name "${definition.name}" must be lowercase letters, digits, ".", "_" or "-" (at most 63)`,
      );
    }
    if (this.#jobs.has(definition.name))
      throw new RangeError(`job "${definition.name}" is already registered`);
    const interval =
      typeof definition.every === "string" ? parseInterval(definition.every) : definition.every;
    const registered: Registered = { definition, interval };
    this.#jobs.set(definition.name, registered);
    if (this.#started) this.#schedule(registered);
  }

  get jobs(): { name: string; every: string }[] {
    return [...this.#jobs.values()].map((j) => ({ name: j.definition.name, every: j.interval.text }));
  }

  counts(): SchedulerCounts {
    return { ...this.#counts };
  }

  /** Runs this replica made (or skipped) per job and outcome, for `opsdesk_scheduler_runs_total`. */
  countsByJob(): Record<string, SchedulerCounts> {
    return Object.fromEntries([...this.#byJob].map(([job, counts]) => [job, { ...counts }]));
  }

  #count(job: string, outcome: keyof SchedulerCounts): void {
    this.#counts[outcome] += 1;
    const counts = this.#byJob.get(job) ?? { succeeded: 0, failed: 0, not_elected: 0, taken_over: 0 };
    counts[outcome] += 1;
    this.#byJob.set(job, counts);
  }

  /** Starts firing every registered job at its slots. Calling it twice is harmless. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const registered of this.#jobs.values()) this.#schedule(registered);
    this.#logger.info({ replicaId: this.replicaId, jobs: this.jobs }, "scheduler started");
  }

  /** Stops firing and waits for the runs in progress to finish and be recorded. */
  async stop(): Promise<void> {
    this.#started = false;
    for (const registered of this.#jobs.values()) {
      await registered.task?.destroy();
      registered.task = undefined;
    }
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    // node-cron records a run's end after our task function returned: wait for that write too.
    await this.#coordinator.settled();
  }

  /**
   * Runs, for every job, the slot that `now` falls in (and the abandoned runs it may take over), through
   * the same election as node-cron's fires. For tests and tools: no waiting on wall time.
   */
  async runDue(now: Date = this.#clock.now()): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    for (const registered of this.#jobs.values()) {
      reports.push(...(await this.#track(this.#runElected(registered, slotAt(now, registered.interval)))));
    }
    return reports;
  }

  #schedule(registered: Registered): void {
    const { definition, interval } = registered;
    registered.task = createTask(
      interval.cron,
      // Only called on the replica the coordinator elected for this slot.
      (context) => this.#track(this.#afterElected(registered, context.date)),
      {
        name: definition.name,
        timezone: "UTC",
        noOverlap: true,
        distributed: true,
        runCoordinator: this.#coordinator,
        distributedLease: this.#leaseMs,
        logger: this.#cronLogger(definition.name),
      },
    );
    registered.task.on("execution:skipped", (context) => {
      if (context.reason === "not-elected") this.#notElected(definition.name, context.date);
    });
    registered.task.start();
  }

  /** Election then run, as node-cron does it: shouldRun, the job, onComplete. */
  async #runElected(registered: Registered, slot: Date): Promise<RunReport[]> {
    const key = runKey(registered.definition.name, slot);
    let elected: boolean;
    try {
      elected = await this.#coordinator.shouldRun(key);
    } catch (error) {
      this.#logger.error(
        { job: registered.definition.name, slot, err: error },
        "scheduled run election failed; the slot is skipped here",
      );
      return [{ job: registered.definition.name, slot, outcome: "not_elected", takeOver: false }];
    }
    if (!elected) {
      this.#notElected(registered.definition.name, slot);
      return [{ job: registered.definition.name, slot, outcome: "not_elected", takeOver: false }];
    }
    let reports: RunReport[];
    try {
      reports = await this.#afterElected(registered, slot);
    } finally {
      await this.#complete(registered, key);
    }
    return reports;
  }

  /** The elected run of this slot, then the abandoned runs of the same job this replica can take over. */
  async #afterElected(registered: Registered, slot: Date): Promise<RunReport[]> {
    const reports = [await this.#execute(registered, slot)];
    let abandoned: Date[] = [];
    try {
      abandoned = await abandonedSlots(
        this.#db,
        registered.definition.name,
        this.#clock.now(),
        this.#takeOverLimit,
      );
    } catch (error) {
      this.#logger.error(
        { job: registered.definition.name, err: error },
        "could not look for abandoned scheduled runs",
      );
    }
    for (const old of abandoned) {
      if (old.getTime() === slot.getTime()) continue;
      const [report] = await this.#runElected(registered, old);
      if (report && report.outcome !== "not_elected") {
        this.#count(registered.definition.name, "taken_over");
        reports.push({ ...report, takeOver: true });
      }
    }
    return reports;
  }

  async #execute(registered: Registered, slot: Date): Promise<RunReport> {
    const job = registered.definition.name;
    const key = runKey(job, slot);
    const attempt = this.#coordinator.claimFor(key)?.attempts ?? 1;
    const startedAt = performance.now();
    try {
      await registered.definition.run({ job, slot, attempt, now: this.#clock.now() });
      this.#count(job, "succeeded");
      this.#logger.debug(
        { job, slot, attempt, replicaId: this.replicaId, ms: Math.round(performance.now() - startedAt) },
        "scheduled run finished",
      );
      return { job, slot, outcome: "succeeded", takeOver: attempt > 1 };
    } catch (error) {
      this.#count(job, "failed");
      this.#coordinator.noteFailure(key, error instanceof Error ? error.message : String(error));
      this.#logger.error(
        { job, slot, attempt, replicaId: this.replicaId, err: error },
        "scheduled run failed",
      );
      return { job, slot, outcome: "failed", takeOver: attempt > 1 };
    }
  }

  #notElected(job: string, slot: Date): void {
    this.#count(job, "not_elected");
    this.#logger.debug({ job, slot, replicaId: this.replicaId }, "scheduled run elected elsewhere");
  }

  async #complete(registered: Registered, key: string): Promise<void> {
    try {
      await this.#coordinator.onComplete(key);
    } catch (error) {
      this.#logger.error(
        { job: registered.definition.name, key, err: error },
        "could not record the end of a scheduled run; another replica will take it over",
      );
    }
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  /** node-cron's own messages (e.g. a missed fire under load) go to our log, tagged with the job. */
  #cronLogger(job: string): CronLogger {
    const fields = { job, component: "node-cron" };
    const errorOf = (message: string | Error, err?: Error) =>
      message instanceof Error ? { ...fields, err: message } : { ...fields, err, detail: message };
    return {
      info: (message) => this.#logger.info(fields, message),
      warn: (message) => this.#logger.warn(fields, message),
      error: (message, err) => this.#logger.error(errorOf(message, err), "node-cron error"),
      debug: (message, err) => this.#logger.debug(errorOf(message, err), "node-cron debug"),
    };
  }
}
