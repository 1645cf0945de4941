import { transactionOptions } from "../../db/client.js";
import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { requireAssetAgent } from "./add-asset.js";
import type { AssetContext } from "./context.js";
import { type AssetRow, holdersOf, requireAsset } from "./find-asset.js";
import { type AssetStatus, assetStatusLabels, assetTransitions } from "./model.js";
import { recordAssetChange } from "./timeline.js";

/**
 * The agent's lifecycle steps (ITIL 4 IT asset management: an asset is tracked from procurement to
 * disposal): `restock` (received, back from repair, or found), `repair`, `retire` (out of service, kept for
 * the record) and `dispose` (gone for good, only once retired). Handing over and losing have their own
 * commands; these are the steps in between.
 */
export const lifecycleSteps = {
  restock: "in_stock",
  repair: "in_repair",
  retire: "retired",
  dispose: "disposed",
} as const satisfies Record<string, AssetStatus>;
export type LifecycleStep = keyof typeof lifecycleSteps;

const stepWords: Record<LifecycleStep, string> = {
  restock: "put back in stock",
  repair: "sent to repair",
  retire: "retired",
  dispose: "disposed of",
};

/** What to do instead, for the steps people try too early. */
const firstDo: Partial<Record<AssetStatus, Partial<Record<LifecycleStep, string>>>> = {
  in_use: {
    restock: "Take it back with /asset return.",
    retire: "Take it back first with /asset return.",
    dispose: "Take it back and retire it first.",
  },
  in_stock: { dispose: "Retire it first with /asset retire." },
  in_repair: { dispose: "Retire it first with /asset retire." },
  ordered: { repair: "Put it in stock when it arrives with /asset restock." },
};

/**
 * Moves an asset one step along its lifecycle, as an agent. A step the asset's status does not allow is
 * refused with what can be done from there; nothing is written. An asset leaving its holder's hands for
 * repair, or found again after it was lost, is no longer held: the holding ends on the record.
 */
export async function moveAsset(
  ctx: AssetContext,
  actor: Actor,
  request: { serial: string; step: LifecycleStep },
): Promise<{ asset: AssetRow; released: readonly string[] }> {
  requireAssetAgent(actor, "move assets through their lifecycle");
  const asset = await requireAsset(ctx.db, request.serial);
  const from = asset.status as AssetStatus;
  const to = lifecycleSteps[request.step];
  const what = `${asset.serial} (${asset.model})`;
  if (from === to) throw new AlreadyDoneError(`${what} is already ${assetStatusLabels[to].toLowerCase()}.`);
  if (asset.kind === "licence" && request.step === "repair")
    throw new InvalidTransitionError(`${what} is a licence; a licence is not repaired.`);
  if (!allowed(from).includes(to)) {
    const hint = firstDo[from]?.[request.step] ?? nextSteps(from);
    throw new InvalidTransitionError(
      `${what} is ${assetStatusLabels[from].toLowerCase()}; it cannot be ${stepWords[request.step]}. ${hint}`,
    );
  }
  const at = ctx.clock.now();
  const moved = await ctx.db.$transaction(async (tx) => {
    const claimed = await tx.asset.updateMany({
      where: { id: asset.id, version: asset.version },
      data: { status: to, updatedAt: at, version: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new AlreadyDoneError(`${asset.serial} changed at the same moment; look again.`);
    const holders = await holdersOf(tx, asset.id);
    await tx.assetHandover.updateMany({
      where: { id: { in: holders.map((h) => h.id) } },
      data: { returnedAt: at },
    });
    const people = await tx.person.findMany({ where: { id: { in: holders.map((h) => h.toPersonId) } } });
    const released = people.map((p) => p.displayName);
    await recordAssetChange(tx, {
      assetId: asset.id,
      at,
      actorId: actor.person.id,
      kind: request.step,
      before: { status: from, ...(released.length > 0 ? { holder: released.join(", ") } : {}) },
      after: { status: to },
    });
    return { asset: await tx.asset.findUniqueOrThrow({ where: { id: asset.id } }), released };
  }, transactionOptions);
  return moved;
}

/** Where these steps may take an asset: the lifecycle, less what a handover's return does (it knows seats). */
function allowed(from: AssetStatus): readonly AssetStatus[] {
  return from === "in_use" ? assetTransitions[from].filter((s) => s !== "in_stock") : assetTransitions[from];
}

const stepOf = Object.fromEntries(Object.entries(lifecycleSteps).map(([step, status]) => [status, step]));

function nextSteps(from: AssetStatus): string {
  const steps = allowed(from).flatMap((status) => (stepOf[status] ? [`/asset ${stepOf[status]}`] : []));
  return steps.length > 0 ? `From here: ${steps.join(", ")}.` : "It has reached the end of its life.";
}
