import type { Reply } from "../../kernel/views/reply.js";
import { runChangeCommand } from "../../practices/changes/handler.js";
import { openChangeCreateForm, wantsChangeForm } from "../../practices/changes/open-create-form.js";
import { runIncidentCommand } from "../../practices/incidents/handler.js";
import { runSlaCommand } from "../../practices/incidents/sla/handler.js";
import type { ParsedCommand } from "../../practices/registry.js";
import type { ConsoleInteraction } from "./listeners/act.js";

/**
 * Runs any registry command, however it arrived in the console (the one message box takes them all, where
 * Slack and Discord have a listener per command). A typed `/change new` without its essentials opens the
 * form, as in Slack; a submitted form never reopens itself.
 */
export async function runConsoleCommand(
  ctx: ConsoleInteraction,
  command: ParsedCommand,
  from: "text" | "form",
): Promise<Reply> {
  switch (command.command) {
    case "incident":
      return runIncidentCommand(ctx, command);
    case "change":
      if (from === "text" && command.subcommand === "new" && wantsChangeForm(command.args))
        return { kind: "form", form: await openChangeCreateForm(ctx.changes, ctx.actor) };
      return runChangeCommand(ctx, command);
    case "sla":
      return runSlaCommand(ctx, command);
  }
}
