import type { ConsoleContent, ConsoleMessage } from "../messages/message.js";
import { renderCard } from "./card.js";
import { type Html, html, multiline } from "./html.js";
import { renderImage } from "./image.js";
import { renderList } from "./list.js";
import { renderNotice } from "./notice.js";
import { timeElement } from "./time.js";

export function renderContent(content: ConsoleContent, id: string, timezone: string): Html {
  switch (content.kind) {
    case "card":
      return renderCard(content.view, { id, timezone });
    case "alert":
      return html`<p class="alert-headline">${content.mentions.map((m) => `@${m} `)}${content.headline}</p>${renderCard(content.view, { id, timezone })}`;
    case "list":
      return renderList(content.view);
    case "notice":
      return renderNotice(content.view);
    case "image":
      return renderImage(content.view, content.text);
    case "text":
    case "chat":
      return html`<p class="text">${multiline(content.text)}</p>`;
  }
}

/**
 * One message as a list item of the channel (or thread) log. Private replies say so in words, not only
 * by colour; cards get the button that opens their thread; what people wrote gets "Raise incident", the
 * console's message shortcut.
 */
export function renderMessage(message: ConsoleMessage, timezone: string): Html {
  const id = `msg-${message.id}`;
  const isPrivate = message.audienceId !== null;
  const { content } = message;
  const author = content.kind === "chat" ? content.authorName : isPrivate ? "OpsDesk (private)" : "OpsDesk";
  return html`<li class="${isPrivate ? "message private" : "message"}" id="${id}" data-message-id="${message.id}">
<div class="meta"><span class="author">${author}</span> ${timeElement(message.createdAt, timezone)}${
    isPrivate ? html` <span class="only-you">Only you can see this</span>` : ""
  }</div>
${renderContent(content, id, timezone)}
${
  message.threadOfId === null && content.kind === "card"
    ? html`<button type="button" class="thread-link" data-thread="${message.id}" aria-controls="thread">${replyLabel(message.replyCount)}</button>`
    : ""
}${
  content.kind === "chat"
    ? html`<button type="button" class="raise" data-raise="${message.id}" aria-haspopup="dialog">Raise incident<span class="visually-hidden"> from this message</span></button>`
    : ""
}
</li>`;
}

function replyLabel(count: number): string {
  if (count === 0) return "Open thread";
  return count === 1 ? "1 reply" : `${count} replies`;
}
