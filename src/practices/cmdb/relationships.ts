import type { Db, Tx } from "../../db/client.js";
import { transactionOptions } from "../../db/client.js";
import { AlreadyDoneError, ForbiddenError, NotFoundError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { CmdbContext } from "./context.js";
import { requireCi } from "./find-ci.js";
import { markGraphChanged } from "./graph-version.js";
import { type CiSnapshot, type RelationshipType, relationshipLabels } from "./model.js";
import { inOwnerGroup, requireAgent } from "./permissions.js";
import { queueConfirmationRequests, tellRequester } from "./posts.js";
import { recordOnBoth } from "./timeline.js";

export interface RelateOutcome {
  readonly from: CiSnapshot;
  readonly to: CiSnapshot;
  readonly type: RelationshipType;
  /** The pending relationship's id when it waits for the owner group, else undefined. */
  readonly pendingId?: number;
}

const selfVerbs: Record<RelationshipType, string> = {
  "depends-on": "depend on",
  "runs-on": "run on",
  "connects-to": "connect to",
};

/** `payments-api depends on payments-db` */
export function relationshipText(from: string, type: RelationshipType, to: string): string {
  return `${from} ${relationshipLabels[type].out.toLowerCase()} ${to}`;
}

/**
 * `/cmdb relate a depends-on b`. A relationship is about its `from` CI (what it depends on, runs on, connects
 * to), so its owner group answers for it: a member's relationship is recorded at once, anyone else's waits
 * for a member to confirm it in a direct message (ServiceNow's and iTop's CI owners play the same part).
 */
export async function relateCis(
  ctx: CmdbContext,
  actor: Actor,
  request: { from: string; type: RelationshipType; to: string },
): Promise<RelateOutcome> {
  requireAgent(actor, "relate configuration items");
  const from = await requireCi(ctx.db, request.from);
  const to = await requireCi(ctx.db, request.to);
  if (from.id === to.id)
    throw new ValidationError(
      `${from.key} cannot ${selfVerbs[request.type]} itself. Name two different CIs.`,
    );
  for (const ci of [from, to])
    if (ci.status === "retired")
      throw new ValidationError(`${ci.key} is retired; relate CIs that are planned or in service.`);
  const at = ctx.clock.now();
  const confirmed = await inOwnerGroup(ctx.db, actor.person.id, from.ownerGroupId);
  const outcome = await ctx.db.$transaction(async (tx) => {
    await markGraphChanged(tx);
    const existing = await tx.ciRelationship.findUnique({
      where: { fromId_toId_type: { fromId: from.id, toId: to.id, type: request.type } },
    });
    const text = relationshipText(from.key, request.type, to.key);
    if (existing)
      throw new AlreadyDoneError(
        existing.status === "pending"
          ? `${text}: already waiting for the owner's confirmation.`
          : `${text}: already recorded.`,
      );
    const created = await tx.ciRelationship.create({
      data: {
        fromId: from.id,
        toId: to.id,
        type: request.type,
        status: confirmed ? "confirmed" : "pending",
        source: "chat",
        requestedById: actor.person.id,
        createdAt: at,
      },
    });
    await recordOnBoth(
      tx,
      { fromId: from.id, toId: to.id },
      {
        at,
        actorId: actor.person.id,
        kind: confirmed ? "related" : "relation_requested",
        after: { relationship: request.type, to: to.key, status: created.status },
        body: text,
      },
    );
    if (!confirmed)
      await queueConfirmationRequests(ctx, tx, { id: created.id, from, to, type: request.type, actor, at });
    return { from, to, type: request.type, ...(confirmed ? {} : { pendingId: created.id }) };
  }, transactionOptions);
  ctx.onCommitted?.();
  return outcome;
}

/** `/cmdb unrelate a depends-on b`: only the owner group (or anyone, for a CI nobody owns) removes one. */
export async function unrelateCis(
  ctx: CmdbContext,
  actor: Actor,
  request: { from: string; type: RelationshipType; to: string },
): Promise<RelateOutcome> {
  requireAgent(actor, "change relationships");
  const from = await requireCi(ctx.db, request.from);
  const to = await requireCi(ctx.db, request.to);
  const text = relationshipText(from.key, request.type, to.key);
  if (!(await inOwnerGroup(ctx.db, actor.person.id, from.ownerGroupId)))
    throw new ForbiddenError(`Only ${from.ownerGroupId} can remove a relationship of ${from.key}.`);
  await ctx.db.$transaction(async (tx) => {
    await markGraphChanged(tx);
    const existing = await tx.ciRelationship.findUnique({
      where: { fromId_toId_type: { fromId: from.id, toId: to.id, type: request.type } },
    });
    if (!existing) throw new NotFoundError(`There is no relationship "${text}".`);
    await tx.ciRelationship.delete({ where: { id: existing.id } });
    await recordOnBoth(
      tx,
      { fromId: from.id, toId: to.id },
      {
        at: ctx.clock.now(),
        actorId: actor.person.id,
        kind: "unrelated",
        before: { relationship: request.type, to: to.key, status: existing.status },
        body: text,
      },
    );
  }, transactionOptions);
  return { from, to, type: request.type };
}

/**
 * The owner group's answer to a pending relationship (the Confirm / Reject buttons of the direct message, or
 * `/cmdb confirm CIR-4`). The first member to answer decides; the requester is told either way.
 */
export async function decideRelationship(
  ctx: CmdbContext,
  actor: Actor,
  id: number,
  decision: "confirm" | "reject",
): Promise<{ text: string }> {
  const outcome = await ctx.db.$transaction(async (tx) => {
    await markGraphChanged(tx);
    const pending = await tx.ciRelationship.findUnique({ where: { id }, include: { from: true, to: true } });
    if (!pending)
      throw new NotFoundError(`There is no relationship CIR-${id} waiting (it may have been rejected).`);
    const text = relationshipText(pending.from.key, pending.type as RelationshipType, pending.to.key);
    if (pending.status !== "pending") throw new AlreadyDoneError(`CIR-${id} (${text}) is already confirmed.`);
    if (!(await inOwnerGroup(tx, actor.person.id, pending.from.ownerGroupId)))
      throw new ForbiddenError(
        `Only members of ${pending.from.ownerGroupId} can answer for ${pending.from.key}.`,
      );
    const at = ctx.clock.now();
    // Decided once: the row is claimed while still pending, so two members answering at once decide once.
    const claimed =
      decision === "confirm"
        ? await tx.ciRelationship.updateMany({
            where: { id, status: "pending" },
            data: { status: "confirmed" },
          })
        : await tx.ciRelationship.deleteMany({ where: { id, status: "pending" } });
    if (claimed.count === 0) throw new AlreadyDoneError(`CIR-${id} (${text}) is already decided.`);
    await recordOnBoth(tx, pending, {
      at,
      actorId: actor.person.id,
      kind: decision === "confirm" ? "relation_confirmed" : "relation_rejected",
      before: { relationship: pending.type, to: pending.to.key, status: "pending" },
      ...(decision === "confirm"
        ? { after: { relationship: pending.type, to: pending.to.key, status: "confirmed" } }
        : {}),
      body: text,
    });
    await tellRequester(ctx, tx, { id, requestedById: pending.requestedById, text, decision, actor, at });
    return { text };
  }, transactionOptions);
  ctx.onCommitted?.();
  return outcome;
}

/** The confirmed relationships of a CI, both ways, with the CI at the other end; and those still pending. */
export async function relationshipsOf(db: Db | Tx, ciId: number) {
  const [outgoing, incoming] = await Promise.all([
    db.ciRelationship.findMany({ where: { fromId: ciId }, include: { to: true }, orderBy: { id: "asc" } }),
    db.ciRelationship.findMany({ where: { toId: ciId }, include: { from: true }, orderBy: { id: "asc" } }),
  ]);
  return { outgoing, incoming };
}
