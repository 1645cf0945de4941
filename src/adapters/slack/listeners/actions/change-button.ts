import type { App, BlockButtonAction } from "@slack/bolt";
import { claimRequest } from "../../../../interactions/claim-request.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runChangeButton } from "../../../../interactions/run-change-button.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** A button on a change card or approval prompt: the action id names the action, the value the change. */
export function registerChangeButton(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(/^change\./, async ({ action, body, ack, client, respond }) => {
    await ack();
    const target = {
      client,
      userId: body.user.id,
      channelId: body.channel?.id,
      triggerId: body.trigger_id,
      respond,
    };
    let reply: Reply;
    try {
      if (!(await claimRequest(deps.changes.db, "slack", `action:${body.trigger_id}`, deps.clock.now())))
        return;
      const actor = await slackActor(deps.changes.db, { id: body.user.id, name: body.user.name });
      reply = await runChangeButton(
        { platform: "slack", actor, changes: deps.changes },
        action.action_id,
        action.value ?? "",
      );
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    await deliverSlackReply(reply, target);
  });
}
