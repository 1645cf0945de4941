import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../kernel/commands/parse-text.js";
import { runChangeCommand } from "../../../../practices/changes/handler.js";
import { openChangeCreateForm, wantsChangeForm } from "../../../../practices/changes/open-create-form.js";
import { commandRegistry } from "../../../../practices/registry.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerSlashCommand } from "./answer-command.js";

/** `/change`: no text (or `new` alone) opens the form; anything else is the command grammar. */
export function registerChangeCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/change", async ({ command, ack, client, respond }) => {
    await ack();
    await answerSlashCommand(deps, { command, client, respond }, (text) => {
      const parsed = parseCommandText(commandRegistry, "change", text);
      if (parsed.command !== "change") throw new Error("the /change grammar returned another command");
      if (parsed.subcommand === "new" && wantsChangeForm(parsed.args))
        return {
          opensForm: true,
          run: async (actor) => ({ kind: "form", form: await openChangeCreateForm(deps.changes, actor) }),
        };
      return {
        opensForm: false,
        run: (actor) => runChangeCommand({ platform: "slack", actor, changes: deps.changes }, parsed),
      };
    });
  });
}
