import { type Db, transactionOptions } from "../db/client.js";

/**
 * The database side of electing scheduled runs. A run is the pair (job, slot); the ScheduledRun row for it
 * is the ballot: whoever inserts it runs the slot, everyone else is told no. Both engines give that
 * atomically with `INSERT … ON CONFLICT DO NOTHING` (PostgreSQL makes a racing insert wait for the winner
 * and then do nothing; SQLite has one writer). A run whose claimer died is recognised by an expired lease
 * and no finish: a conditional UPDATE lets exactly one replica take it over, with `attempts` bumped so the
 * dead claimer, should it come back, can no longer record an outcome.
 */
export interface RunClaim {
  job: string;
  slot: Date;
  replicaId: string;
  attempts: number;
}

export interface ClaimRunRequest {
  job: string;
  slot: Date;
  replicaId: string;
  now: Date;
  leaseMs: number;
}

/** Claims the run, or takes over an abandoned one; null when another replica has (or had) it. */
export async function claimRun(db: Db, request: ClaimRunRequest): Promise<RunClaim | null> {
  const { job, slot, replicaId, now } = request;
  const leaseUntil = new Date(now.getTime() + request.leaseMs);
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ScheduledRun" ("job", "slot", "claimedBy", "claimedUntil", "attempts", "startedAt")
      VALUES (${job}, ${slot}, ${replicaId}, ${leaseUntil}, 1, ${now})
      ON CONFLICT ("job", "slot") DO NOTHING`;
    if (inserted === 1) return { job, slot, replicaId, attempts: 1 };
    const takenOver = await tx.$executeRaw`
      UPDATE "ScheduledRun"
      SET "claimedBy" = ${replicaId}, "claimedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1,
          "startedAt" = ${now}
      WHERE "job" = ${job} AND "slot" = ${slot}
        AND "finishedAt" IS NULL AND "claimedUntil" <= ${now}`;
    if (takenOver !== 1) return null;
    const row = await tx.scheduledRun.findUnique({ where: { job_slot: { job, slot } } });
    return row ? { job, slot, replicaId, attempts: row.attempts } : null;
  }, transactionOptions);
}

/**
 * Records the end of a run (with the job's error, if it failed). False when the claim was lost meanwhile:
 * the lease expired and another replica took the run over.
 */
export async function finishRun(db: Db, claim: RunClaim, now: Date, error: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const touched = await tx.$executeRaw`
      UPDATE "ScheduledRun"
      SET "finishedAt" = ${now}, "claimedUntil" = NULL, "error" = ${error}
      WHERE "job" = ${claim.job} AND "slot" = ${claim.slot}
        AND "claimedBy" = ${claim.replicaId} AND "attempts" = ${claim.attempts} AND "finishedAt" IS NULL`;
    return touched === 1;
  }, transactionOptions);
}

/** Slots of a job that were claimed but never finished and whose lease has expired, oldest first. */
export async function abandonedSlots(db: Db, job: string, now: Date, limit: number): Promise<Date[]> {
  const rows = await db.$transaction((tx) =>
    tx.scheduledRun.findMany({
      where: { job, finishedAt: null, claimedUntil: { lte: now } },
      orderBy: { slot: "asc" },
      take: limit,
      select: { slot: true },
    }),
  );
  return rows.map((row) => row.slot);
}

/**
 * Forgets runs scheduled before `before`: finished ones, and unfinished ones whose lease has expired (a job
 * no longer registered leaves those behind). A run in progress is never deleted.
 */
export async function pruneRuns(db: Db, before: Date, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.scheduledRun.deleteMany({
      where: {
        slot: { lt: before },
        OR: [{ finishedAt: { not: null } }, { claimedUntil: { lte: now } }],
      },
    });
    return count;
  }, transactionOptions);
}
