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
    const text = command.text.trim();
    const handle = async (): Promise<Reply | undefined> => {
      if (
        !(await claimRequest(deps.incidents.db, "slack", `command:${command.trigger_id}`, deps.clock.now()))
      )
        return undefined;
      if (text === "") return { kind: "form", form: await openIncidentCreateForm(deps.incidents.db) };
      const actor = await slackActor(deps.incidents.db, { id: command.user_id, name: command.user_name });
      const parsed = parseCommandText(commandRegistry, "incident", text);
      if (parsed.command !== "incident") throw new Error("the /incident grammar returned another command");
      return runIncidentCommand({ platform: "slack", actor, incidents: deps.incidents }, parsed);
    };
    let reply: Reply | undefined;
    try {
      // The form must open while the trigger id is fresh (3 s), so it does not queue behind other work.
      reply = await (text === "" ? handle() : deps.work(handle));
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply) await deliverSlackReply(reply, target);
  });
}
