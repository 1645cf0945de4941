import { transactionOptions } from "../../db/client.js";
import type { PersonMention } from "../../kernel/commands/person-mention.js";
import {
  AlreadyDoneError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from "../../kernel/errors.js";
import { type Actor, isAgent, type Platform } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import { requireAssetAgent } from "./add-asset.js";
import type { AssetContext } from "./context.js";
import { type AssetRow, holdersOf, requireAsset } from "./find-asset.js";
import {
  type AssetStatus,
  assetStatusLabels,
  assetTransitions,
  assignableStatuses,
  HANDOVER_PREFIX,
} from "./model.js";
import { offerHandover, tellAssigner } from "./posts.js";
import { recordAssetChange } from "./timeline.js";

const describe = (asset: AssetRow) => `${asset.serial} (${asset.model})`;

/**
 * `/asset assign`: offers the asset to a person, who accepts or declines it in a direct message. Nothing
 * changes hands until they accept (the handover is theirs to confirm: a laptop nobody acknowledged
 * receiving is not theirs). A lost, stolen, retired or unfinished asset cannot be offered.
 */
export async function assignAsset(
  ctx: AssetContext,
  actor: Actor,
  request: { serial: string; to: PersonMention; platform: Platform },
): Promise<{ asset: AssetRow; handoverId: number; to: string }> {
  requireAssetAgent(actor, "assign assets");
  const asset = await requireAsset(ctx.db, request.serial);
  const status = asset.status as AssetStatus;
  if (!assignableStatuses.includes(status))
    throw new InvalidTransitionError(
      `${describe(asset)} is ${assetStatusLabels[status].toLowerCase()}; only an asset in stock or in use can be assigned.${status === "lost" || status === "stolen" ? " Put it back in stock when it is found." : ""}`,
    );
  const to = await resolveActor(ctx.db, {
    platform: request.platform,
    externalId: request.to.platformId,
    displayName: request.to.platformId,
  });
  const at = ctx.clock.now();
  const handoverId = await ctx.db.$transaction(async (tx) => {
    const holders = await holdersOf(tx, asset.id);
    if (holders.some((h) => h.toPersonId === to.person.id))
      throw new AlreadyDoneError(`${to.person.displayName} already holds ${describe(asset)}.`);
    if (asset.kind === "licence" && holders.length >= (asset.seats ?? 1))
      throw new InvalidTransitionError(
        `${describe(asset)} has no free seat (${holders.length} of ${asset.seats ?? 1} in use).`,
      );
    const waiting = await tx.assetHandover.findFirst({
      where: { assetId: asset.id, toPersonId: to.person.id, status: "pending" },
    });
    if (waiting)
      throw new AlreadyDoneError(
        `${describe(asset)} is already offered to ${to.person.displayName} (${HANDOVER_PREFIX}-${waiting.id}).`,
      );
    const handover = await tx.assetHandover.create({
      data: {
        assetId: asset.id,
        toPersonId: to.person.id,
        byPersonId: actor.person.id,
        status: "pending",
        createdAt: at,
      },
    });
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: "offered",
      after: { to: to.person.displayName },
      body: `offered to ${to.person.displayName} (${HANDOVER_PREFIX}-${handover.id})`,
    });
    await offerHandover(ctx, tx, { handoverId: handover.id, asset, toPersonId: to.person.id, by: actor, at });
    return handover.id;
  }, transactionOptions);
  ctx.onCommitted?.();
  return { asset, handoverId, to: to.person.displayName };
}

/** The person's answer to a handover (Accept / Decline in the direct message, or `/asset accept HO-3`). */
export async function decideHandover(
  ctx: AssetContext,
  actor: Actor,
  handoverId: number,
  accept: boolean,
): Promise<AssetRow> {
  const asset = await ctx.db.$transaction(async (tx) => {
    const handover = await tx.assetHandover.findUnique({
      where: { id: handoverId },
      include: { asset: true },
    });
    if (!handover) throw new NotFoundError(`There is no handover ${HANDOVER_PREFIX}-${handoverId}.`);
    if (handover.toPersonId !== actor.person.id)
      throw new ForbiddenError(
        `${HANDOVER_PREFIX}-${handoverId} was offered to someone else; only they can answer it.`,
      );
    const claimed = await tx.assetHandover.updateMany({
      where: { id: handoverId, status: "pending" },
      data: { status: accept ? "accepted" : "declined", decidedAt: ctx.clock.now() },
    });
    if (claimed.count === 0)
      throw new AlreadyDoneError(
        `You already answered ${HANDOVER_PREFIX}-${handoverId} (${handover.status}).`,
      );
    const at = ctx.clock.now();
    let asset = handover.asset;
    if (accept) {
      const holders = await holdersOf(tx, asset.id);
      const others = holders.filter((h) => h.id !== handoverId);
      if (asset.kind === "licence" && others.length >= (asset.seats ?? 1))
        throw new InvalidTransitionError(`${describe(asset)} has no free seat left; ask the service desk.`);
      if (!assignableStatuses.includes(asset.status as AssetStatus))
        throw new InvalidTransitionError(
          `${describe(asset)} is ${assetStatusLabels[asset.status as AssetStatus].toLowerCase()} now and cannot be handed over.`,
        );
      // Hardware and software have one holder: the previous one hands it on.
      if (asset.kind !== "licence")
        await tx.assetHandover.updateMany({
          where: { id: { in: others.map((h) => h.id) } },
          data: { returnedAt: at },
        });
      asset = await tx.asset.update({
        where: { id: asset.id },
        data: { status: "in_use", updatedAt: at, version: { increment: 1 } },
      });
    }
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: accept ? "handed_over" : "declined",
      before: { status: handover.asset.status },
      after: { status: asset.status, ...(accept ? { holder: actor.person.displayName } : {}) },
      body: `${actor.person.displayName} ${accept ? "accepted" : "declined"} ${HANDOVER_PREFIX}-${handoverId}`,
    });
    await tellAssigner(ctx, tx, {
      handoverId,
      asset,
      byPersonId: handover.byPersonId,
      answeredBy: actor,
      accepted: accept,
      at,
    });
    return asset;
  }, transactionOptions);
  ctx.onCommitted?.();
  return asset;
}

/** `/asset return`: back into stock (a licence seat back into the pool). */
export async function returnAsset(
  ctx: AssetContext,
  actor: Actor,
  request: { serial: string; from?: PersonMention | undefined; platform: Platform },
): Promise<AssetRow> {
  requireAssetAgent(actor, "take assets back");
  const asset = await requireAsset(ctx.db, request.serial);
  const from = request.from
    ? await resolveActor(ctx.db, {
        platform: request.platform,
        externalId: request.from.platformId,
        displayName: request.from.platformId,
      })
    : undefined;
  return ctx.db.$transaction(async (tx) => {
    const holders = await holdersOf(tx, asset.id);
    const returning = from ? holders.filter((h) => h.toPersonId === from.person.id) : holders;
    if (asset.status !== "in_use" || returning.length === 0)
      throw new InvalidTransitionError(
        `${describe(asset)} is not held by ${from ? from.person.displayName : "anyone"}; nothing to return.`,
      );
    const at = ctx.clock.now();
    await tx.assetHandover.updateMany({
      where: { id: { in: returning.map((h) => h.id) } },
      data: { returnedAt: at },
    });
    const stillHeld = holders.length - returning.length > 0;
    const updated = await tx.asset.update({
      where: { id: asset.id },
      data: { status: stillHeld ? "in_use" : "in_stock", updatedAt: at, version: { increment: 1 } },
    });
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: "returned",
      before: { status: asset.status },
      after: { status: updated.status },
    });
    return updated;
  }, transactionOptions);
}

/** `/asset lost`: reported by its holder or an agent; it stays on the holder's record until found. */
export async function reportLost(
  ctx: AssetContext,
  actor: Actor,
  request: { serial: string; how: "lost" | "stolen" },
): Promise<AssetRow> {
  const asset = await requireAsset(ctx.db, request.serial);
  const holders = await holdersOf(ctx.db, asset.id);
  if (!isAgent(actor) && !holders.some((h) => h.toPersonId === actor.person.id))
    throw new ForbiddenError(`Only its holder or an agent can report ${asset.serial} ${request.how}.`);
  const status = asset.status as AssetStatus;
  if (status === request.how)
    throw new AlreadyDoneError(`${describe(asset)} is already reported ${request.how}.`);
  if (!assetTransitions[status].includes(request.how))
    throw new InvalidTransitionError(
      `${describe(asset)} is ${assetStatusLabels[status].toLowerCase()}; it cannot be reported ${request.how}.`,
    );
  const at = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const claimed = await tx.asset.updateMany({
      where: { id: asset.id, version: asset.version },
      data: { status: request.how, updatedAt: at, version: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new AlreadyDoneError(`${asset.serial} changed at the same moment; look again.`);
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: request.how,
      before: { status },
      after: { status: request.how },
    });
    return tx.asset.findUniqueOrThrow({ where: { id: asset.id } });
  }, transactionOptions);
}
