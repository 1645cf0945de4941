import type { App, MessageShortcut } from "@slack/bolt";
import { prefillFromMessage } from "../../../../core/views/index.js";
import { openIncidentCreateForm } from "../../../../interactions/open-create-form.js";
import type { Reply } from "../../../../interactions/reply.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { raiseIncidentCallbackId, unescapeSlackText } from "../../render/index.js";
import type { SlackListenerDeps } from "../deps.js";

/** Message shortcut "Raise incident": the create form, prefilled with the message and a link back to it. */
export function registerRaiseIncidentShortcut(app: App, deps: SlackListenerDeps): void {
  app.shortcut<MessageShortcut>(raiseIncidentCallbackId, async ({ shortcut, ack, client }) => {
    await ack();
    const channelId = shortcut.channel.id;
    let reply: Reply;
    try {
      // Slack hands the shortcut the message text HTML-escaped (&amp; &lt; &gt;,
      // https://api.slack.com/reference/surfaces/formatting#escaping): unescaped once, so the form shows
      // what the person wrote; the renderer escapes it again wherever it is posted.
      const text = unescapeSlackText(shortcut.message.text ?? "");
      const permalink = await client.chat
        .getPermalink({ channel: channelId, message_ts: shortcut.message.ts })
        .then((r) => r.permalink)
        .catch(() => undefined);
      reply = {
        kind: "form",
        form: await openIncidentCreateForm(
          deps.incidents.db,
          prefillFromMessage(text, permalink ? { label: "From Slack", url: permalink } : undefined),
        ),
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
