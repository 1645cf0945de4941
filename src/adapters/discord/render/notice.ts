import { MessageFlags } from "discord.js";
import type { Notice, NoticeTone } from "../../../kernel/views/notice.js";
import { messageLimits } from "./limits.js";
import { type DiscordMessage, noMentions } from "./message.js";
import { truncate } from "./truncate.js";

const toneMarks: Readonly<Record<NoticeTone, string>> = {
  info: "ℹ️",
  success: "✅",
  error: "⚠️",
};

/**
 * A notice as a plain ephemeral reply (flag 64): only the person who acted sees it. Only valid as an
 * interaction response or follow-up; Discord ignores the flag on ordinary channel messages.
 */
export function renderNotice(notice: Notice): DiscordMessage {
  const mark = toneMarks[notice.tone];
  return {
    content: truncate(`${mark} ${notice.text.trim()}`, messageLimits.content),
    embeds: [],
    components: [],
    allowed_mentions: noMentions,
    flags: MessageFlags.Ephemeral,
  };
}
