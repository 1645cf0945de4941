import type { Tx } from "../../db/client.js";
import { loadApprovers } from "../../kernel/approvals/approvers.js";
import { approvalsNeeded, eligibleVoters } from "../../kernel/approvals/rules.js";
import { InvalidTransitionError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import type { ReleaseContext } from "./context.js";
import { includedChanges } from "./included.js";
import { assertStepAllowed, type ReleaseStep, stepTarget } from "./lifecycle.js";
import { RELEASE_PREFIX, type ReleaseSnapshot } from "./model.js";
import { assertMayWorkRelease } from "./permissions.js";
import { queueReleasePosts } from "./posts.js";
import { findRelease } from "./snapshot.js";

export interface StepResult {
  release: ReleaseSnapshot;
  previous: ReleaseSnapshot;
  /** Deploying: the included changes whose implementation it started. */
  started: string[];
}

/**
 * Moves a release one step. Like every ticket, the write is conditional on the version the decision was
 * made on (write-on-version), so of two simultaneous clicks exactly one applies.
 */
export function applyReleaseStep(
  ctx: ReleaseContext,
  actor: Actor,
  number: number,
  step: ReleaseStep,
  reason?: string,
): Promise<StepResult> {
  return writeOnVersion(ctx, `${RELEASE_PREFIX}-${number}`, (tx) =>
    attempt(ctx, tx, actor, number, step, reason),
  );
}

async function attempt(
  ctx: ReleaseContext,
  tx: Tx,
  actor: Actor,
  number: number,
  step: ReleaseStep,
  reason: string | undefined,
): Promise<StepResult | null> {
  const previous = await findRelease(tx, number);
  assertStepAllowed(previous, step);
  assertMayWorkRelease(actor, previous);
  const now = ctx.clock.now();
  const status = stepTarget(step);
  const changes = await includedChanges(tx, ctx.tickets, number);
  if (step === "plan" && changes.length === 0) {
    throw new ValidationError(
      `${previous.ref} has no changes yet. Add one with /release add ${previous.ref} CHG-n.`,
    );
  }
  const vote = step === "gonogo" ? await voteRule(ctx, tx, previous) : undefined;
  const { count } = await tx.release.updateMany({
    where: { id: previous.id, version: previous.version },
    data: {
      status,
      updatedAt: now,
      version: { increment: 1 },
      ...(vote
        ? { approvalGroupId: vote.groupId, quorum: vote.needed, decision: null, decidedAt: null }
        : {}),
      ...(step === "plan" ? { decision: null, decidedAt: null } : {}),
      ...(step === "deploy" ? { deployStartedAt: now } : {}),
      ...(step === "deployed" ? { deployedAt: now } : {}),
      ...(step === "close" ? { closedAt: now } : {}),
    },
  });
  if (count === 0) return null;
  // A new go/no-go after a no-go starts from no votes; the timeline keeps who voted what.
  if (step === "plan" || step === "gonogo")
    await tx.releaseVote.deleteMany({ where: { releaseId: previous.id } });
  await appendTimeline(tx, {
    ticketKind: "release",
    ticketId: previous.id,
    at: now,
    actorId: actor.person.id,
    kind: step,
    before: { status: previous.status },
    after: { status },
    ...(reason ? { body: reason } : {}),
  });
  const started: string[] = [];
  if (step === "deploy") {
    // ITIL 4 release management: deployment moves the release's changes into implementation. Only the
    // scheduled ones can start; the others stay flagged on the card.
    for (const change of changes) {
      if (change.state !== "scheduled") continue;
      const owner = ctx.tickets.owner(change.ref.kind);
      if (!owner?.perform) continue;
      await owner.perform(tx, change.ref.key, "start", actor);
      started.push(change.label);
    }
  }
  const release = await findRelease(tx, number);
  await ctx.events.publish(tx, {
    ref: { kind: RELEASE_PREFIX, key: String(number) },
    type: status,
    at: now,
    actorId: actor.person.id,
    data: { services: release.services.map((service) => service.id) },
  });
  await queueReleasePosts(ctx, tx, release, step === "deployed" ? "deployed" : step);
  return { release, previous, started };
}

/** The voting group and how many go votes decide, frozen when the go/no-go opens. */
async function voteRule(ctx: ReleaseContext, tx: Tx, release: ReleaseSnapshot) {
  const settings = ctx.config.releases;
  const approvers = await loadApprovers(tx, settings.approvers ?? null);
  const eligible = eligibleVoters([release.manager.id, release.requester.id], approvers.members);
  if (eligible.length === 0) {
    throw new InvalidTransitionError(
      `Nobody can vote on ${release.ref}: ${approvers.name} has no members other than its release manager and requester. ` +
        "Ask an admin to set releases.approvers in opsdesk.yaml.",
    );
  }
  return { groupId: approvers.groupId, needed: approvalsNeeded(settings.quorum, eligible.length) };
}
