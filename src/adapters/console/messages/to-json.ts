import { renderMessage } from "../render/message.js";
import type { ConsoleMessage } from "./message.js";

/**
 * A message as the console's JSON API gives it: the neutral content for programs (the contract suite's
 * driver reads `view` and `text`), and the rendered HTML for the page.
 */
export function messageJson(message: ConsoleMessage, timezone: string) {
  const { content } = message;
  return {
    id: message.id,
    channel: message.channelId,
    threadOf: message.threadOfId,
    private: message.audienceId !== null,
    kind: content.kind,
    ...(content.kind === "text"
      ? { text: content.text }
      : content.kind === "chat"
        ? { text: content.text, author: content.authorId }
        : content.kind === "image"
          ? { text: content.text, image: content.view }
          : content.kind === "alert"
            ? {
                text: [...content.mentions.map((m) => `@${m}`), content.headline].join(" "),
                view: content.view,
              }
            : { view: content.view }),
    replies: message.replyCount,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
    html: renderMessage(message, timezone).toString(),
  };
}

export type MessageJson = ReturnType<typeof messageJson>;
