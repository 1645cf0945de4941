import type { App } from "@slack/bolt";
import { runIncidentCommand } from "../../../../practices/incidents/handler.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerFormSubmission } from "./answer-form.js";

/** A submitted incident form (create, or an action that asks for input: note, resolve, hold…). */
export function registerIncidentForm(app: App, deps: SlackListenerDeps): void {
  app.view(/^incident\./, async (args) => {
    await answerFormSubmission(deps, args, (command, actor) => {
      if (command.command !== "incident") throw new Error("an incident form produced another command");
      return runIncidentCommand({ platform: "slack", actor, incidents: deps.incidents }, command);
    });
  });
}
