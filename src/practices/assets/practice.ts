import type { Practice } from "../../kernel/practice.js";
import { planAssetButton } from "./button.js";
import { type AssetCommand, assetCommand } from "./command.js";
import type { AssetContext } from "./context.js";
import { runAssetCommand } from "./handler.js";
import { assetOwner } from "./owner.js";
import { assetActionFromId, assetActions } from "./views/actions.js";

/** IT asset management as the desk sees it: `/asset` and the Accept / Decline of a handover. */
export function assetsPractice(ctx: AssetContext): Practice {
  return {
    id: "assets",
    commands: [assetCommand],
    tickets: [assetOwner()],
    planCommand(call) {
      const command = call.parse() as AssetCommand;
      return { opensForm: false, run: (request) => runAssetCommand(ctx, request, command) };
    },
    action(actionId) {
      const action = assetActionFromId(actionId);
      return action ? { label: assetActions[action].label, opensForm: false } : undefined;
    },
    planAction: (actionId, value) => planAssetButton(ctx, actionId, value),
  };
}
