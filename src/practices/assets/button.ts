import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import type { Plan } from "../../kernel/practice.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { type AssetCommand, assetCommand } from "./command.js";
import type { AssetContext } from "./context.js";
import { runAssetCommand } from "./handler.js";
import { HANDOVER_PREFIX } from "./model.js";
import { assetActionFromId, assetActions } from "./views/actions.js";

const registry = defineRegistry([assetCommand]);

/** Accept / Decline in the direct message: the same as `/asset accept HO-3`. */
export function planAssetButton(ctx: AssetContext, actionId: string, value: string): Plan {
  const action = assetActionFromId(actionId);
  return {
    opensForm: false,
    run: async (request) => {
      if (!action) return privateNotice("error", "That button is no longer supported.");
      const command = parseCommandOptions(registry, {
        command: "asset",
        subcommand: assetActions[action].subcommand,
        options: { handover: `${HANDOVER_PREFIX}-${value}` },
      }) as AssetCommand;
      return runAssetCommand(ctx, request, command);
    },
  };
}
