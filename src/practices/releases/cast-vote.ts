import { type Tx, transactionOptions } from "../../db/client.js";
import { loadApprovers } from "../../kernel/approvals/approvers.js";
import { assertMayVote, outcomeOf, type Tally, tallyOf } from "../../kernel/approvals/rules.js";
import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import type { ReleaseContext } from "./context.js";
import { type GoDecision, RELEASE_PREFIX, type ReleaseSnapshot } from "./model.js";
import { queueReleasePosts } from "./posts.js";
import { findRelease } from "./snapshot.js";

export interface GoVoteResult {
  release: ReleaseSnapshot;
  tally: Tally;
  /** Set when this vote decided the go/no-go. */
  decided: GoDecision | undefined;
}

/**
 * One go/no-go vote, with the CAB's rules (src/kernel/approvals/rules.ts): quorum of go votes, any no-go
 * stops the release, the release manager and requester never vote on their own release, one vote each.
 *
 * Exactly one decision, whatever arrives together (as for a change's CAB vote): the vote's first write
 * claims the release row (`version + 1` while the go/no-go is open and undecided), so votes on one release
 * queue behind each other (PostgreSQL row lock, SQLite's single writer). Each sees every vote committed
 * before it; the one that completes the quorum (or says no-go) decides, the later ones are told it was
 * decided. The (release, person) key makes a double click count once.
 */
export async function castGoVote(
  ctx: ReleaseContext,
  actor: Actor,
  number: number,
  decision: GoDecision,
  reason: string | undefined,
): Promise<GoVoteResult> {
  const result = await ctx.db.$transaction(
    (tx) => castOnce(ctx, tx, actor, number, decision, reason?.trim() || null),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return result;
}

async function castOnce(
  ctx: ReleaseContext,
  tx: Tx,
  actor: Actor,
  number: number,
  decision: GoDecision,
  reason: string | null,
): Promise<GoVoteResult> {
  const seen = await findRelease(tx, number);
  assertOpenForVotes(seen, actor);
  const approvers = await loadApprovers(tx, seen.approvalGroupId);
  assertMayVote(
    actor.person,
    [
      {
        personId: seen.manager.id,
        message: `You manage ${seen.ref}, so you cannot vote go or no-go on it yourself.`,
      },
      {
        personId: seen.requester.id,
        message: `You planned ${seen.ref}, so you cannot vote go or no-go on it yourself.`,
      },
    ],
    approvers.members,
    `Only members of ${approvers.name} can vote go or no-go on ${seen.ref}. Ask an admin if you should be one.`,
  );

  const now = ctx.clock.now();
  const claimed = await tx.$queryRaw<{ version: number | bigint }[]>`
    UPDATE "Release" SET "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "id" = ${seen.id} AND "status" = 'go_no_go' AND "decision" IS NULL
    RETURNING "version"`;
  if (claimed[0]?.version === undefined) {
    assertOpenForVotes(await findRelease(tx, number), actor);
    throw new Error(`${seen.ref} left the go/no-go while a vote was being claimed`);
  }
  const inserted = await tx.$executeRaw`
    INSERT INTO "ReleaseVote" ("releaseId", "personId", "decision", "reason", "at")
    VALUES (${seen.id}, ${actor.person.id}, ${decision}, ${reason}, ${now})
    ON CONFLICT ("releaseId", "personId") DO NOTHING`;
  if (inserted !== 1) {
    // Throwing rolls the claim back too: a repeated vote changes nothing at all.
    const mine = seen.votes.find((vote) => vote.person.id === actor.person.id)?.decision ?? decision;
    throw new AlreadyDoneError(
      `You already voted ${mine === "go" ? "go" : "no-go"} on ${seen.ref}; each voter has one vote.`,
    );
  }
  await appendTimeline(tx, {
    ticketKind: "release",
    ticketId: seen.id,
    at: now,
    actorId: actor.person.id,
    kind: decision === "go" ? "vote_go" : "vote_no_go",
    after: { decision },
    ...(reason ? { body: reason } : {}),
  });
  const votes = await tx.releaseVote.findMany({ where: { releaseId: seen.id } });
  const tally = tallyOf(votes, seen.quorum ?? 1, "go");
  const outcome = outcomeOf(tally);
  const decided: GoDecision | undefined =
    outcome === "approved" ? "go" : outcome === "rejected" ? "no_go" : undefined;
  if (decided) {
    const status = decided === "go" ? "go_no_go" : "no_go";
    await tx.release.update({ where: { id: seen.id }, data: { status, decision: decided, decidedAt: now } });
    await appendTimeline(tx, {
      ticketKind: "release",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: decided,
      before: { status: "go_no_go" },
      after: { status, go: tally.approvals, noGo: tally.rejections, needed: tally.needed },
      ...(decided === "no_go" && reason ? { body: reason } : {}),
    });
    await ctx.events.publish(tx, {
      ref: { kind: RELEASE_PREFIX, key: String(number) },
      type: decided,
      at: now,
      actorId: actor.person.id,
    });
  }
  const release = await findRelease(tx, number);
  await queueReleasePosts(ctx, tx, release, decided ?? "vote_recorded");
  return { release, tally, decided };
}

/** Votes count only while the go/no-go is open; anything else gets a polite explanation. */
function assertOpenForVotes(release: ReleaseSnapshot, actor: Actor): void {
  if (release.status === "go_no_go" && release.decision === null) return;
  if (release.decision) {
    const mine = release.votes.find((vote) => vote.person.id === actor.person.id);
    const yours = mine ? " Your vote was counted." : " Your vote was not needed.";
    throw new AlreadyDoneError(
      `Thanks, but the go/no-go on ${release.ref} was already decided (${release.decision === "go" ? "go" : "no-go"}) before your vote arrived.${yours}`,
    );
  }
  throw new InvalidTransitionError(
    `${release.ref} is not waiting for a go/no-go, so there is nothing to vote on.`,
  );
}
