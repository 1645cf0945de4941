import { join } from "@prisma/client/runtime/client";
import { type Db, transactionOptions } from "../db/client.js";
import type { ChatPlatform } from "./message.js";
import type { StoredOutboxRow } from "./stored-row.js";

export interface ClaimRequest {
  now: Date;
  replicaId: string;
  leaseMs: number;
  /** Only rows for platforms this replica has a transport for: another replica may serve the rest. */
  platforms: readonly ChatPlatform[];
  limit: number;
  maxAttempts: number;
  /** Leaves a candidate unclaimed for now (e.g. its channel is cooling down after a 429). */
  skip?: (candidate: { platform: string; channelId: string }) => boolean;
}

export interface ClaimOutcome {
  /** Rows now leased to this replica (`attempts` already counts this attempt). */
  claimed: StoredOutboxRow[];
  /** Rows whose lease expired after their last allowed attempt: dead-lettered instead of claimed. */
  deadLettered: StoredOutboxRow[];
}

interface Candidate {
  id: number | bigint;
  attempts: number | bigint;
  status: string;
  platform: string;
  channelId: string;
}

/**
 * Claims the rows due now, at most one per ordering key. A row is a candidate when it is due (pending and
 * `nextAttemptAt` reached, or delivering with an expired lease: its replica died or hung) AND it is the
 * head of its ordering key: no earlier row of that key is still pending or delivering (a backing-off head
 * holds back everything behind it; delivered and dead rows do not) and no other row of that key is being
 * delivered under a live lease.
 *
 * Each candidate is then claimed with one conditional UPDATE that re-checks it is still claimable. When
 * several replicas race for the same row, PostgreSQL re-evaluates the condition after the winner commits
 * and the losers touch no row, so every claim is exclusive without locking the table. Candidates are
 * claimed in id order, so concurrent claimers take row locks in the same order and cannot deadlock.
 *
 * Everything runs in one short transaction: on SQLite that serialises it with the writers on the single
 * connection (and keeps it from reading another request's uncommitted rows).
 */
export async function claimDue(db: Db, request: ClaimRequest): Promise<ClaimOutcome> {
  if (request.platforms.length === 0) return { claimed: [], deadLettered: [] };
  const { now } = request;
  const leaseUntil = new Date(now.getTime() + request.leaseMs);
  return db.$transaction(async (tx) => {
    const candidates = await tx.$queryRaw<Candidate[]>`
      SELECT o."id", o."attempts", o."status", o."platform", o."channelId"
      FROM "OutboxMessage" o
      WHERE o."platform" IN (${join([...request.platforms])})
        AND ((o."status" = 'pending' AND o."nextAttemptAt" <= ${now})
          OR (o."status" = 'delivering' AND o."claimedUntil" <= ${now}))
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e."orderingKey" = o."orderingKey" AND e."id" < o."id"
            AND e."status" IN ('pending', 'delivering'))
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" f
          WHERE f."orderingKey" = o."orderingKey" AND f."id" <> o."id"
            AND f."status" = 'delivering' AND f."claimedUntil" > ${now})
      ORDER BY o."id"
      LIMIT ${request.limit}`;

    const claimedIds: number[] = [];
    const deadIds: number[] = [];
    for (const candidate of candidates) {
      if (request.skip?.(candidate)) continue;
      const id = Number(candidate.id);
      const abandoned = candidate.status === "delivering";
      if (abandoned && Number(candidate.attempts) >= request.maxAttempts) {
        // A row whose every allowed attempt ended in a lost lease (say, it crashes the process): stop here.
        const touched = await tx.$executeRaw`
          UPDATE "OutboxMessage"
          SET "status" = 'dead', "claimedUntil" = NULL,
              "lastError" = ${"lease_expired: no outcome recorded for the last allowed attempt"}
          WHERE "id" = ${id} AND "status" = 'delivering' AND "claimedUntil" <= ${now}`;
        if (touched === 1) deadIds.push(id);
        continue;
      }
      const touched = await tx.$executeRaw`
        UPDATE "OutboxMessage"
        SET "status" = 'delivering', "claimedBy" = ${request.replicaId}, "claimedUntil" = ${leaseUntil},
            "attempts" = "attempts" + 1,
            "lastError" = CASE WHEN "status" = 'delivering' THEN ${"lease_expired: the previous attempt's outcome is unknown"} ELSE "lastError" END
        WHERE "id" = ${id}
          AND (("status" = 'pending' AND "nextAttemptAt" <= ${now})
            OR ("status" = 'delivering' AND "claimedUntil" <= ${now}))`;
      if (touched === 1) claimedIds.push(id);
    }

    const load = (ids: number[]) =>
      ids.length ? tx.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }) : [];
    return { claimed: await load(claimedIds), deadLettered: await load(deadIds) };
  }, transactionOptions);
}
