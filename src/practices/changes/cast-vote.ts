import { type Tx, transactionOptions } from "../../db/client.js";
import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { validate } from "../../kernel/validate.js";
import { assertMayVote, outcomeOf, type Tally, tallyOf } from "./approvals.js";
import { loadApprovers } from "./approvers.js";
import { conflictsFor } from "./conflict-check.js";
import { blackoutsIn } from "./conflicts.js";
import { type ChangeContext, runChangeHooks } from "./context.js";
import { findChange } from "./find-change.js";
import { type VoteInput, voteSchema } from "./inputs.js";
import type { ChangeSnapshot, VoteDecision } from "./model.js";

export interface VoteResult {
  change: ChangeSnapshot;
  tally: Tally;
  /** Set when this vote decided the change. */
  decided: "approved" | "rejected" | undefined;
}

/**
 * Records one approver's vote and, when it completes the quorum (or rejects), the decision.
 *
 * Exactly one decision, whatever arrives together: the vote's first write claims the change row
 * (`version + 1` where it is still in authorize), so votes on the same change queue behind each other
 * (PostgreSQL row lock, SQLite's single writer). Each then sees every vote committed before it; the one
 * that completes the quorum decides, and those after it find the change decided and are told so politely.
 * The (change, person) key makes a double click count once: the second insert does nothing.
 */
export async function castVote(
  ctx: ChangeContext,
  actor: Actor,
  number: number,
  input: VoteInput,
): Promise<VoteResult> {
  const vote = validate(voteSchema, input);
  const result = await ctx.db.$transaction(
    (tx) => castOnce(ctx, tx, actor, number, vote.decision, vote.reason ?? null),
    transactionOptions,
  );
  ctx.onCommitted?.();
  return result;
}

async function castOnce(
  ctx: ChangeContext,
  tx: Tx,
  actor: Actor,
  number: number,
  decision: VoteDecision,
  reason: string | null,
): Promise<VoteResult> {
  // Everything that does not depend on the other votes happens before the claim, so the time votes on
  // one change spend queued behind each other is as short as possible.
  const seen = await findChange(tx, number);
  assertOpenForVotes(seen, actor);
  const approvers = await loadApprovers(tx, seen.approvalGroupId);
  assertMayVote(seen, actor.person, approvers.members, approvers.name);
  const conflicts = await conflictsFor(ctx, tx, {
    id: seen.id,
    plannedStart: seen.plannedStart,
    plannedEnd: seen.plannedEnd,
    serviceIds: seen.services.map((service) => service.id),
  });

  const now = ctx.clock.now();
  const claimed = await tx.$queryRaw<{ version: number | bigint }[]>`
    UPDATE "Change" SET "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "id" = ${seen.id} AND "status" = 'authorize'
    RETURNING "version"`;
  const version = claimed[0]?.version;
  // Decided between our read and our claim: answer as if the vote had arrived after the decision.
  if (version === undefined) {
    assertOpenForVotes(await findChange(tx, number), actor);
    throw new Error(`${seen.ref} left authorize while a vote was being claimed`);
  }

  const inserted = await tx.$executeRaw`
    INSERT INTO "ChangeVote" ("changeId", "personId", "decision", "reason", "at")
    VALUES (${seen.id}, ${actor.person.id}, ${decision}, ${reason}, ${now})
    ON CONFLICT ("changeId", "personId") DO NOTHING`;
  if (inserted !== 1) {
    // Throwing rolls the claim back too: a repeated vote changes nothing at all.
    const mine = await tx.changeVote.findUnique({
      where: { changeId_personId: { changeId: seen.id, personId: actor.person.id } },
    });
    throw new AlreadyDoneError(
      `You already voted to ${mine?.decision ?? decision} ${seen.ref}; each approver has one vote.`,
    );
  }
  await appendTimeline(tx, {
    ticketKind: "change",
    ticketId: seen.id,
    at: now,
    actorId: actor.person.id,
    kind: decision === "approve" ? "vote_approved" : "vote_rejected",
    after: { decision },
    ...(reason ? { body: reason } : {}),
  });

  const votes = (
    await tx.changeVote.findMany({
      where: { changeId: seen.id },
      include: { person: { select: { id: true, displayName: true } } },
      orderBy: { at: "asc" },
    })
  ).map((vote) => ({
    person: vote.person,
    decision: vote.decision as VoteDecision,
    reason: vote.reason,
    at: vote.at,
  }));
  const tally = tallyOf(votes, seen.quorum ?? 1);
  const outcome = outcomeOf(tally);
  const decided = outcome === "pending" ? undefined : outcome;
  const override = decided === "approved" && seen.type === "emergency" && blackoutsIn(conflicts).length > 0;
  if (decided) {
    await tx.change.update({
      where: { id: seen.id },
      data: {
        status: decided === "approved" ? "scheduled" : "rejected",
        decision: decided,
        decidedAt: now,
        ...(override ? { blackoutOverride: true } : {}),
      },
    });
    await appendTimeline(tx, {
      ticketKind: "change",
      ticketId: seen.id,
      at: now,
      actorId: actor.person.id,
      kind: decided,
      before: { status: "authorize" },
      after: {
        status: decided === "approved" ? "scheduled" : "rejected",
        approvals: tally.approvals,
        rejections: tally.rejections,
        needed: tally.needed,
        ...(override ? { blackoutOverride: true } : {}),
      },
      ...(decided === "rejected" && reason ? { body: reason } : {}),
    });
  }
  // Nothing else changes a change while it waits in authorize, so the snapshot is the one read, with the
  // votes, version and (when decided) outcome written here.
  const change: ChangeSnapshot = {
    ...seen,
    votes,
    version: Number(version),
    updatedAt: now,
    ...(decided
      ? {
          status: decided === "approved" ? "scheduled" : "rejected",
          decision: decided,
          decidedAt: now,
          blackoutOverride: seen.blackoutOverride || override,
        }
      : {}),
  };
  await runChangeHooks(ctx, tx, {
    kind: decided ?? "vote_recorded",
    change,
    previous: seen,
    actor,
    conflicts,
    approvers: approvers.name,
    ...(reason ? { body: reason } : {}),
  });
  return { change, tally, decided };
}

/** Votes count only while the change waits in authorize; anything else gets a polite explanation. */
function assertOpenForVotes(change: ChangeSnapshot, actor: Actor): void {
  if (change.status === "authorize") return;
  if (change.decision) {
    const mine = change.votes.find((vote) => vote.person.id === actor.person.id);
    const yours = mine ? ` Your vote to ${mine.decision} was counted.` : " Your vote was not needed.";
    throw new AlreadyDoneError(
      `Thanks, but ${change.ref} was already ${change.decision} before your vote arrived.${yours}`,
    );
  }
  throw new InvalidTransitionError(
    `${change.ref} is not waiting for approval, so there is nothing to vote on.`,
  );
}
