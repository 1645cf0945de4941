import type { PostText } from "../../../kernel/views/post-text.js";
import { escapeMrkdwn, userMention } from "./mrkdwn.js";

/**
 * A post line as Slack mrkdwn. Slack parses the `text` of a text-only message as mrkdwn, so `<!channel>`,
 * `<!here>`, `<!subteam^…>`, `<@U…>` and `<url|label>` anywhere in it are live. Every word is escaped
 * (`&`, `<`, `>`: https://api.slack.com/reference/surfaces/formatting#escaping), OpsDesk's own included;
 * the only markup is a mention of a well-formed Slack user id. A mention of anything else shows as text.
 */
export function postTextMrkdwn(text: PostText): string {
  return text
    .map((segment) =>
      segment.kind === "mention"
        ? (userMention(segment.userId) ?? escapeMrkdwn(`@${segment.userId}`))
        : escapeMrkdwn(segment.text),
    )
    .join("");
}
