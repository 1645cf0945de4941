import type { Reply } from "../../kernel/views/reply.js";
import type { DiscordInteraction } from "./interaction.js";
import { type DiscordMessage, renderCard, renderList, renderNotice } from "./render/index.js";

/**
 * Shows a neutral Reply in the deferred (ephemeral) answer. Forms are opened by the listeners before they
 * defer, because a modal can only be the first response; one that turns up afterwards is explained instead.
 */
export async function deliverDiscordReply(reply: Reply, interaction: DiscordInteraction): Promise<void> {
  await interaction.edit(replyMessage(reply));
}

export function replyMessage(reply: Reply): DiscordMessage {
  switch (reply.kind) {
    case "notice":
      return withoutFlags(renderNotice(reply.notice));
    case "view":
      return reply.view.type === "card" ? renderCard(reply.view) : renderList(reply.view);
    case "field_errors": {
      // Discord modals cannot show errors next to fields: name each field in the private answer.
      const lines = Object.entries(reply.errors).map(([field, problem]) => `${field}: ${problem}`);
      return withoutFlags(
        renderNotice({
          type: "notice",
          tone: "error",
          text: `Nothing was saved. ${lines.join("; ")}. Open the form again to fix it.`,
        }),
      );
    }
    case "form":
      return withoutFlags(
        renderNotice({
          type: "notice",
          tone: "error",
          text: `"${reply.form.title}" needs a form; click the button again to open it.`,
        }),
      );
  }
}

/** Editing a deferred reply cannot change its flags; ephemerality was set by defer(). */
function withoutFlags(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}
