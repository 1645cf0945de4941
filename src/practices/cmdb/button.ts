import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import type { Plan } from "../../kernel/practice.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { type CmdbCommand, cmdbCommand, RELATIONSHIP_PREFIX } from "./command.js";
import type { CmdbContext } from "./context.js";
import { runCmdbCommand } from "./handler.js";
import { cmdbActionFromId, cmdbActions } from "./views/actions.js";

const registry = defineRegistry([cmdbCommand]);

/** Confirm / Reject in the owner's direct message: the same as `/cmdb confirm CIR-4`. */
export function planCmdbButton(ctx: CmdbContext, actionId: string, value: string): Plan {
  const action = cmdbActionFromId(actionId);
  return {
    opensForm: false,
    run: async ({ actor }) => {
      if (!action) return privateNotice("error", "That button is no longer supported.");
      const command = parseCommandOptions(registry, {
        command: "cmdb",
        subcommand: cmdbActions[action].subcommand,
        options: { request: `${RELATIONSHIP_PREFIX}-${value}` },
      }) as CmdbCommand;
      return runCmdbCommand(ctx, actor, command);
    },
  };
}
