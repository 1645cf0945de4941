import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../kernel/commands/parse-text.js";
import { runSlaCommand } from "../../../../practices/incidents/sla/handler.js";
import { commandRegistry } from "../../../../practices/registry.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerSlashCommand } from "./answer-command.js";

/** `/sla show INC-7`, `/sla report [7d|30d] [service]`: answered privately; no text shows the help. */
export function registerSlaCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/sla", async ({ command, ack, client, respond }) => {
    await ack();
    await answerSlashCommand(deps, { command, client, respond }, (text) => {
      const parsed = parseCommandText(commandRegistry, "sla", text);
      if (parsed.command !== "sla") throw new Error("the /sla grammar returned another command");
      return {
        opensForm: false,
        run: (actor) =>
          runSlaCommand({ platform: "slack", actor, incidents: deps.incidents, sla: deps.sla }, parsed),
      };
    });
  });
}
