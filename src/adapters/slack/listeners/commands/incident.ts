import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../core/commands/parse-text.js";
import { commandRegistry } from "../../../../core/commands/registry.js";
import { claimRequest } from "../../../../interactions/claim-request.js";
import { openIncidentCreateForm } from "../../../../interactions/open-create-form.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runIncidentCommand } from "../../../../interactions/run-incident-command.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** `/incident`: no text opens the form; anything else is the command grammar (`/incident help`). */
export function registerIncidentCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/incident", async ({ command, ack, client, respond }) => {
    await ack();
    const target = {
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      respond,
    };
    let reply: Reply;
    try {
      if (
        !(await claimRequest(deps.incidents.db, "slack", `command:${command.trigger_id}`, deps.clock.now()))
      )
        return;
      const actor = await slackActor(deps.incidents.db, { id: command.user_id, name: command.user_name });
      const text = command.text.trim();
      if (text === "") {
        reply = { kind: "form", form: await openIncidentCreateForm(deps.incidents.db) };
      } else {
        const parsed = parseCommandText(commandRegistry, "incident", text);
        if (parsed.command !== "incident") throw new Error("the /incident grammar returned another command");
        reply = await runIncidentCommand({ platform: "slack", actor, incidents: deps.incidents }, parsed);
      }
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    await deliverSlackReply(reply, target);
  });
}
