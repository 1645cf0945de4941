import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../core/commands/parse-text.js";
import { commandRegistry } from "../../../../core/commands/registry.js";
import { claimRequest } from "../../../../interactions/claim-request.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runSlaCommand } from "../../../../interactions/run-sla-command.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** `/sla show INC-7`, `/sla report [7d|30d] [service]`: answered privately; no text shows the help. */
export function registerSlaCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/sla", async ({ command, ack, client, respond }) => {
    await ack();
    let reply: Reply;
    try {
      if (
        !(await claimRequest(deps.incidents.db, "slack", `command:${command.trigger_id}`, deps.clock.now()))
      )
        return;
      const actor = await slackActor(deps.incidents.db, { id: command.user_id, name: command.user_name });
      const parsed = parseCommandText(commandRegistry, "sla", command.text.trim());
      if (parsed.command !== "sla") throw new Error("the /sla grammar returned another command");
      reply = await runSlaCommand(
        { platform: "slack", actor, incidents: deps.incidents, sla: deps.sla },
        parsed,
      );
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    await deliverSlackReply(reply, {
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      respond,
    });
  });
}
