import { type Tx, transactionOptions } from "../../db/client.js";
import { InvalidTransitionError } from "../errors.js";
import { AlreadyDoneError } from "../incidents/decide.js";
import type { Actor } from "../people/actor.js";
import { appendTimeline } from "../timeline/append.js";
import { validate } from "../validate.js";
import { assertMayVote, outcomeOf, type Tally, tallyOf } from "./approvals.js";
import { loadApprovers } from "./approvers.js";
import { conflictsFor } from "./conflict-check.js";
import { blackoutsIn } from "./conflicts.js";
import { type ChangeContext, runChangeHooks } from "./context.js";
import { findChange } from "./find-change.js";
import { type VoteInput, voteSchema } from "./inputs.js";
import type { ChangeSnapshot, VoteDecision } from "./model.js";
import { changeInclude, toChangeSnapshot } from "./snapshot.js";

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
  const seen = await findChange(tx, number);
  assertOpenForVotes(seen, actor);
  const approvers = await loadApprovers(tx, seen.approvalGroupId);
  assertMayVote(seen, actor.person, approvers.members, approvers.name);

  const now = ctx.clock.now();
  const claimed = await tx.change.updateMany({
    where: { id: seen.id, status: "authorize" },
    data: { version: { increment: 1 }, updatedAt: now },
  });
  // Decided between our read and our claim: answer as if the vote had arrived after the decision.
  if (claimed.count === 0) assertOpenForVotes(await findChange(tx, number), actor);

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

  const votes = await tx.changeVote.findMany({ where: { changeId: seen.id }, select: { decision: true } });
  const tally = tallyOf(votes as { decision: VoteDecision }[], seen.quorum ?? 1);
  const outcome = outcomeOf(tally);
  const decided = outcome === "pending" ? undefined : outcome;
  let kind = "vote_recorded";
  if (decided) {
    const override =
      decided === "approved" && seen.type === "emergency" && (await insideBlackout(ctx, tx, seen));
    await tx.change.update({
      where: { id: seen.id },
      data: {
        status: decided === "approved" ? "scheduled" : "rejected",
        decision: decided,
        decidedAt: now,
        ...(override ? { blackoutOverride: true } : {}),
      },
    });
    kind = decided;
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
  const change = toChangeSnapshot(
    await tx.change.findUniqueOrThrow({ where: { id: seen.id }, include: changeInclude }),
  );
  const conflicts = await conflictsFor(ctx, tx, {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    serviceIds: change.services.map((service) => service.id),
  });
  await runChangeHooks(ctx, tx, {
    kind,
    change,
    previous: seen,
    actor,
    conflicts,
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

async function insideBlackout(ctx: ChangeContext, tx: Tx, change: ChangeSnapshot): Promise<boolean> {
  const conflicts = await conflictsFor(ctx, tx, {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    serviceIds: change.services.map((service) => service.id),
  });
  return blackoutsIn(conflicts).length > 0;
}
