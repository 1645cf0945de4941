import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import type { PracticeRequest } from "../../kernel/practice.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { addAsset } from "./add-asset.js";
import { type AssetCommand, assetCommand } from "./command.js";
import type { AssetContext } from "./context.js";
import { holdersOf, requireAsset } from "./find-asset.js";
import { assignAsset, decideHandover, reportLost, returnAsset } from "./handover.js";
import { moveAsset } from "./lifecycle.js";
import { type AssetStatus, assetStatusLabels, HANDOVER_PREFIX } from "./model.js";
import { assetCard, assetList } from "./views/asset-card.js";

/** Runs one `/asset` command however it arrived (typed, Discord options, a button), platform-neutral. */
export async function runAssetCommand(
  ctx: AssetContext,
  request: PracticeRequest,
  command: AssetCommand,
): Promise<Reply> {
  const { actor, platform } = request;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([assetCommand]), "asset"));
    case "mine": {
      const held = await ctx.db.assetHandover.findMany({
        where: { toPersonId: actor.person.id, status: "accepted", returnedAt: null },
        include: { asset: true },
        orderBy: { id: "asc" },
      });
      return {
        kind: "view",
        view: assetList(
          "What you hold",
          held.map((h) => h.asset),
        ),
      };
    }
    case "show": {
      const asset = await requireAsset(ctx.db, command.args.serial);
      const holders = await holdersOf(ctx.db, asset.id);
      const people = await ctx.db.person.findMany({
        where: { id: { in: holders.map((h) => h.toPersonId) } },
      });
      return {
        kind: "view",
        view: assetCard(
          asset,
          people.map((p) => p.displayName),
        ),
      };
    }
    case "add": {
      const asset = await addAsset(ctx, actor, { ...command.args });
      return privateNotice("success", `${asset.serial} (${asset.model}) is recorded, in stock.`);
    }
    case "assign": {
      const { asset, handoverId, to } = await assignAsset(ctx, actor, {
        serial: command.args.serial,
        to: command.args.to,
        platform,
      });
      return privateNotice(
        "success",
        `${asset.serial} (${asset.model}) is offered to ${to} (${HANDOVER_PREFIX}-${handoverId}); it is theirs once they accept it.`,
      );
    }
    case "accept":
    case "decline": {
      const accepted = command.subcommand === "accept";
      const asset = await decideHandover(ctx, actor, command.args.handover, accepted);
      return privateNotice(
        "success",
        accepted
          ? `${asset.serial} (${asset.model}) is yours now.`
          : `You declined ${asset.serial} (${asset.model}).`,
      );
    }
    case "return": {
      const asset = await returnAsset(ctx, actor, {
        serial: command.args.serial,
        from: command.args.from,
        platform,
      });
      return privateNotice(
        "success",
        `${asset.serial} is returned; it is ${assetStatusLabels[asset.status as AssetStatus].toLowerCase()}.`,
      );
    }
    case "restock":
    case "repair":
    case "retire":
    case "dispose": {
      const { asset, released } = await moveAsset(ctx, actor, {
        serial: command.args.serial,
        step: command.subcommand,
      });
      const status = assetStatusLabels[asset.status as AssetStatus].toLowerCase();
      const from =
        released.length > 0
          ? `; ${released.join(", ")} no longer hold${released.length === 1 ? "s" : ""} it`
          : "";
      return privateNotice("success", `${asset.serial} (${asset.model}) is ${status}${from}.`);
    }
    case "lost": {
      const asset = await reportLost(ctx, actor, { serial: command.args.serial, how: command.args.how });
      return privateNotice("success", `${asset.serial} (${asset.model}) is reported ${command.args.how}.`);
    }
  }
}
