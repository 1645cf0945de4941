import type { App, MessageShortcut } from "@slack/bolt";
import { errorReply } from "../../../../desk/error-reply.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { incidentLimits } from "../../../../practices/incidents/model.js";
import { openIncidentCreateForm } from "../../../../practices/incidents/open-create-form.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { raiseIncidentCallbackId } from "../../render/index.js";
import type { SlackListenerDeps } from "../deps.js";

/** Message shortcut "Raise incident": the create form, prefilled with the message and a link back to it. */
export function registerRaiseIncidentShortcut(app: App, deps: SlackListenerDeps): void {
  app.shortcut<MessageShortcut>(raiseIncidentCallbackId, async ({ shortcut, ack, client }) => {
    await ack();
    const channelId = shortcut.channel.id;
    let reply: Reply;
    try {
      const text = shortcut.message.text ?? "";
      const permalink = await client.chat
        .getPermalink({ channel: channelId, message_ts: shortcut.message.ts })
        .then((r) => r.permalink)
        .catch(() => undefined);
      const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
      const description = [text, permalink ? `From Slack: ${permalink}` : ""].filter(Boolean).join("\n\n");
      reply = {
        kind: "form",
        form: await openIncidentCreateForm(deps.incidents.db, {
          title: firstLine.slice(0, incidentLimits.titleMax),
          description: description.slice(0, incidentLimits.descriptionMax),
        }),
      };
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    await deliverSlackReply(reply, {
      client,
      userId: shortcut.user.id,
      channelId,
      triggerId: shortcut.trigger_id,
    });
  });
}
