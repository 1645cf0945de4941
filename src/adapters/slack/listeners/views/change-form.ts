import type { App } from "@slack/bolt";
import { runChangeCommand } from "../../../../practices/changes/handler.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerFormSubmission } from "./answer-form.js";

/**
 * A submitted change form (request, reject, close, cancel). Grammar errors are shown next to their field
 * in the acknowledgement; the domain's answer (conflicts, refusals) arrives privately afterwards.
 */
export function registerChangeForm(app: App, deps: SlackListenerDeps): void {
  app.view(/^change\./, async (args) => {
    await answerFormSubmission(deps, args, (command, actor) => {
      if (command.command !== "change") throw new Error("a change form produced another command");
      return runChangeCommand({ platform: "slack", actor, changes: deps.changes }, command);
    });
  });
}
