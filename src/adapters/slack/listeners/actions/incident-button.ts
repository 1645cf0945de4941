import type { App, BlockButtonAction } from "@slack/bolt";
import { claimRequest } from "../../../../desk/claim-request.js";
import { errorReply } from "../../../../desk/error-reply.js";
import { incidentActionFromId, incidentActionOpensForm } from "../../../../kernel/views/index.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { runIncidentButton } from "../../../../practices/incidents/button.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** A button on an incident card. The action id names the action, the value the ticket (never the text). */
export function registerIncidentButton(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(/^incident\./, async ({ action, body, ack, client, respond }) => {
    await ack();
    const channelId = body.channel?.id;
    const target = { client, userId: body.user.id, channelId, triggerId: body.trigger_id, respond };
    const handle = async (): Promise<Reply | undefined> => {
      if (!(await claimRequest(deps.incidents.db, "slack", `action:${body.trigger_id}`, deps.clock.now())))
        return undefined;
      const actor = await slackActor(deps.incidents.db, { id: body.user.id, name: body.user.name });
      return runIncidentButton(
        { platform: "slack", actor, incidents: deps.incidents },
        action.action_id,
        action.value ?? "",
      );
    };
    let reply: Reply | undefined;
    try {
      // Buttons that open a form (Resolve, Add note…) need the trigger id within 3 s: they skip the queue.
      const opensForm = incidentActionOpensForm(incidentActionFromId(action.action_id) ?? "acknowledge");
      reply = await (opensForm ? handle() : deps.work(handle));
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply) await deliverSlackReply(reply, target);
  });
}
