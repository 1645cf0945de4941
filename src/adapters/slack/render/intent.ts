import type { Intent } from "../../../kernel/views/card.js";
import type { NoticeTone } from "../../../kernel/views/notice.js";

/*
 * Block Kit has no colours (only legacy attachments do, and they are hidden behind "Show more"), so intent
 * and tone are shown as emoji shortcodes, which every Slack client renders.
 */
export const intentEmoji: Readonly<Record<Intent, string>> = {
  danger: ":red_circle:",
  warning: ":large_orange_circle:",
  success: ":large_green_circle:",
  neutral: ":white_circle:",
};

export const toneEmoji: Readonly<Record<NoticeTone, string>> = {
  info: ":information_source:",
  success: ":white_check_mark:",
  error: ":warning:",
};
