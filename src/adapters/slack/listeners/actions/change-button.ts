import type { App, BlockButtonAction } from "@slack/bolt";
import { claimRequest } from "../../../../desk/claim-request.js";
import { errorReply } from "../../../../desk/error-reply.js";
import { changeActionFromId, changeActionPresentation } from "../../../../kernel/views/index.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { runChangeButton } from "../../../../practices/changes/button.js";
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
    const handle = async (): Promise<Reply | undefined> => {
      if (!(await claimRequest(deps.changes.db, "slack", `action:${body.trigger_id}`, deps.clock.now())))
        return undefined;
      const actor = await slackActor(deps.changes.db, { id: body.user.id, name: body.user.name });
      return runChangeButton(
        { platform: "slack", actor, changes: deps.changes },
        action.action_id,
        action.value ?? "",
      );
    };
    let reply: Reply | undefined;
    try {
      // Reject, Close, Cancel and Reschedule open a form with the trigger id (3 s): they skip the queue.
      const known = changeActionFromId(action.action_id);
      const opensForm = known !== undefined && changeActionPresentation[known].form !== undefined;
      reply = await (opensForm ? handle() : deps.work(handle));
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply) await deliverSlackReply(reply, target);
  });
}
