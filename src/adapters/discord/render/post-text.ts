import type { APIAllowedMentions } from "discord-api-types/v10";
import type { PostText } from "../../../kernel/views/post-text.js";
import { messageLimits } from "./limits.js";
import { truncate } from "./truncate.js";

/** Discord user ids are snowflakes: 17 to 20 digits. Anything else is not mentioned, only named. */
const snowflake = /^[0-9]{17,20}$/;

/** `allowed_mentions.users` holds at most 100 ids (https://discord.com/developers/docs/resources/message#allowed-mentions-object). */
const allowedUsersMax = 100;

export interface DiscordPostContent {
  content: string;
  allowed_mentions: APIAllowedMentions;
}

/**
 * A post line as Discord message content, with the people to mention first. People's words go in as
 * typed: Discord pings only what `allowed_mentions` allows
 * (https://discord.com/developers/docs/resources/message#allowed-mentions-object), and `parse: []` with
 * an explicit user list means a typed `@everyone`, `@here`, role or user mention notifies nobody; only the
 * people OpsDesk names are pinged.
 *
 * Content holds 2000 characters. The text always survives: when the mentions do not all fit beside it
 * (a reminder to a CAB of 90), as many as fit are mentioned and the rest counted ("and 57 more").
 */
export function postTextContent(
  text: PostText,
  mentions: readonly string[] = [],
  max: number = messageLimits.content,
): DiscordPostContent {
  const named = [...new Set(mentions)].filter((id) => snowflake.test(id));
  const inline = text.flatMap((segment) =>
    segment.kind === "mention" && snowflake.test(segment.userId) ? [segment.userId] : [],
  );
  const body = text
    .map((segment) =>
      segment.kind === "mention"
        ? snowflake.test(segment.userId)
          ? `<@${segment.userId}>`
          : `@${segment.userId}`
        : segment.text,
    )
    .join("");
  // The text keeps room for at least a short summary of who is meant ("<@…> and 89 more: ").
  const summaryRoom = named.length > 0 ? 40 : 0;
  const shownBody = truncate(body, Math.max(1, max - summaryRoom));
  const room = named.length > 0 ? Math.min(allowedUsersMax - inline.length, named.length) : 0;
  let shown = named.slice(0, Math.max(0, room));
  let content = withMentions(shown, named.length - shown.length, shownBody);
  while (content.length > max && shown.length > 0) {
    shown = shown.slice(0, -1);
    content = withMentions(shown, named.length - shown.length, shownBody);
  }
  const users = [...new Set([...shown, ...inline])].slice(0, allowedUsersMax);
  return {
    content: truncate(content, max),
    allowed_mentions: users.length > 0 ? { parse: [], users } : { parse: [] },
  };
}

function withMentions(shown: readonly string[], hidden: number, body: string): string {
  const tags = shown.map((id) => `<@${id}>`).join(" ");
  if (hidden === 0) return tags ? `${tags} ${body}` : body;
  return tags ? `${tags} and ${hidden} more: ${body}` : `(for ${hidden} people) ${body}`;
}
