import { AlreadyDoneError, ForbiddenError, ValidationError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import type { AssetContext } from "./context.js";
import { parseCost, parseCount, parseDay } from "./fields.js";
import type { AssetKind } from "./model.js";
import { recordAssetChange } from "./timeline.js";

export interface NewAsset {
  readonly serial: string;
  readonly kind: AssetKind;
  readonly model: string;
  readonly location?: string | undefined;
  readonly cost?: string | undefined;
  readonly warranty?: string | undefined;
  readonly ci?: string | undefined;
  readonly seats?: string | undefined;
  readonly minfree?: string | undefined;
  readonly expires?: string | undefined;
}

export function requireAssetAgent(actor: Actor, what: string): void {
  if (!isAgent(actor)) throw new ForbiddenError(`Only agents can ${what}. Ask the service desk.`);
}

/** The columns an asset gets from what people type (chat) or a CSV row: every value checked before writing. */
export async function assetColumns(ctx: AssetContext, input: NewAsset) {
  const serial = input.serial.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/.test(serial))
    throw new ValidationError(
      `"${clipText(serial, 64)}" is not a serial number (letters, digits, . _ : / -).`,
    );
  if (input.ci?.trim()) {
    const ci = await ctx.tickets.find(ctx.db, { kind: "CI", key: input.ci.trim() });
    if (!ci)
      throw new ValidationError(`There is no configuration item "${clipText(input.ci, 64)}" to link it to.`);
  }
  const licence = input.kind === "licence";
  const seats = parseCount(input.seats, "seats");
  if (!licence && (seats !== null || input.expires?.trim()))
    throw new ValidationError("Seats and an expiry are for licences; add it with kind:licence.");
  return {
    serial,
    kind: input.kind,
    model: input.model.trim(),
    location: input.location?.trim() ?? "",
    costCents: parseCost(input.cost),
    warrantyEnd: parseDay(input.warranty, "warranty end"),
    ciKey: input.ci?.trim() || null,
    seats: licence ? (seats ?? 1) : null,
    minFreeSeats: licence ? parseCount(input.minfree, "seats") : null,
    expiresAt: licence ? parseDay(input.expires, "licence expiry") : null,
  };
}

/** `/asset add`: an asset recorded in stock by an agent, its first timeline entry. */
export async function addAsset(ctx: AssetContext, actor: Actor, input: NewAsset) {
  requireAssetAgent(actor, "record assets");
  const data = await assetColumns(ctx, input);
  if (await ctx.db.asset.findUnique({ where: { serial: data.serial } }))
    throw new AlreadyDoneError(`${data.serial} is already recorded.`);
  const at = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const asset = await tx.asset.create({
      data: { ...data, status: "in_stock", createdAt: at, updatedAt: at },
    });
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: "created",
      body: `${data.kind} ${data.model}`,
    });
    return asset;
  });
}
