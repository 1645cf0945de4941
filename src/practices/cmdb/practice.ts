import type { Practice } from "../../kernel/practice.js";
import { planCmdbButton } from "./button.js";
import { type CmdbCommand, cmdbCommand } from "./command.js";
import type { CmdbContext } from "./context.js";
import { runCmdbCommand } from "./handler.js";
import { ciOwner } from "./owner.js";
import { cmdbActionFromId, cmdbActions } from "./views/actions.js";

/** Service configuration management as the desk sees it: `/cmdb`, the owner's Confirm / Reject, CIs in the directory. */
export function cmdbPractice(ctx: CmdbContext): Practice {
  return {
    id: "cmdb",
    commands: [cmdbCommand],
    tickets: [ciOwner(ctx)],
    planCommand(call) {
      const command = call.parse() as CmdbCommand;
      return { opensForm: false, run: ({ actor }) => runCmdbCommand(ctx, actor, command) };
    },
    action(actionId) {
      const action = cmdbActionFromId(actionId);
      return action ? { label: cmdbActions[action].label, opensForm: false } : undefined;
    },
    planAction: (actionId, value) => planCmdbButton(ctx, actionId, value),
  };
}
