import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import type { Plan } from "../../kernel/practice.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { confirmCausedBy } from "./caused-by.js";
import { releaseCommand } from "./command.js";
import type { ReleaseContext } from "./context.js";
import { runReleaseCommand } from "./handler.js";
import { causedByActionId, releaseActionFromId } from "./views/actions.js";

const releases = defineRegistry([releaseCommand]);

/** A button on a release card (or "Caused by REL-3" on an incident's card); the value names the item. */
export function planReleaseButton(context: ReleaseContext, actionId: string, value: string): Plan {
  if (actionId === causedByActionId) {
    return {
      opensForm: false,
      run: async ({ actor }) => privateNotice("success", await confirmCausedBy(context, actor, value)),
    };
  }
  const action = releaseActionFromId(actionId);
  if (!action) {
    return {
      opensForm: false,
      run: async () =>
        privateNotice("error", "That button is no longer supported. Use /release show to get a fresh card."),
    };
  }
  return {
    opensForm: false,
    run: (request) => {
      const command = parseCommandOptions(releases, {
        command: "release",
        subcommand: action,
        options: { ref: value },
      });
      return runReleaseCommand({ ...request, releases: context }, command);
    },
  };
}
