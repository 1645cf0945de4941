import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../kernel/commands/parse-text.js";
import { runIncidentCommand } from "../../../../practices/incidents/handler.js";
import { openIncidentCreateForm } from "../../../../practices/incidents/open-create-form.js";
import { commandRegistry } from "../../../../practices/registry.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerSlashCommand } from "./answer-command.js";

/** `/incident`: no text opens the form; anything else is the command grammar (`/incident help`). */
export function registerIncidentCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/incident", async ({ command, ack, client, respond }) => {
    await ack();
    await answerSlashCommand(deps, { command, client, respond }, (text) => {
      if (text === "")
        return {
          opensForm: true,
          run: async () => ({ kind: "form", form: await openIncidentCreateForm(deps.incidents.db) }),
        };
      const parsed = parseCommandText(commandRegistry, "incident", text);
      if (parsed.command !== "incident") throw new Error("the /incident grammar returned another command");
      return {
        opensForm: false,
        run: (actor) => runIncidentCommand({ platform: "slack", actor, incidents: deps.incidents }, parsed),
      };
    });
  });
}
