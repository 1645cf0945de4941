import type { webApi } from "@slack/bolt";
import type { Reply } from "../../kernel/views/reply.js";
import { type ModalMetadata, renderCard, renderForm, renderList, renderNotice } from "./render/index.js";

export interface ReplyTarget {
  client: webApi.WebClient;
  userId: string;
  /** Where the person acted; private replies appear there. Absent for modals opened outside a channel. */
  channelId?: string | undefined;
  /** For opening a form: valid once, for three seconds after the interaction. */
  triggerId?: string | undefined;
  /** Slack's response_url: private replies without needing channel membership. */
  respond?: ((message: Record<string, unknown>) => Promise<unknown>) | undefined;
  /** Carried through a modal to its submission, e.g. the channel to answer in. */
  extra?: ModalMetadata["extra"];
}

/** Shows a neutral Reply in Slack: private messages as ephemeral, forms as modals. */
export async function deliverSlackReply(reply: Reply, target: ReplyTarget): Promise<void> {
  if (reply.kind === "field_errors") throw new Error("field errors are answered in the view_submission ack");
  if (reply.kind === "form") {
    if (!target.triggerId) throw new Error("a form needs a trigger_id");
    const extra = { ...(target.extra ?? {}), ...(target.channelId ? { channel: target.channelId } : {}) };
    await target.client.views.open({
      trigger_id: target.triggerId,
      view: renderForm(reply.form, { callbackId: reply.form.id, privateMetadata: extra }),
    });
    return;
  }
  const message =
    reply.kind === "notice"
      ? renderNotice(reply.notice)
      : reply.view.type === "card"
        ? renderCard(reply.view)
        : renderList(reply.view);
  if (target.respond) {
    await target.respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  }
  if (target.channelId) {
    await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...message });
    return;
  }
  // No channel to whisper in (a modal opened from a shortcut outside a channel): a direct message.
  await target.client.chat.postMessage({ channel: target.userId, ...message });
}
