import type { ConsoleContent, ConsoleMessage } from "../messages/message.js";
import { renderCard } from "./card.js";
import { type Html, html, multiline } from "./html.js";
import { renderList } from "./list.js";
import { renderNotice } from "./notice.js";
import { timeElement } from "./time.js";

export function renderContent(content: ConsoleContent, id: string, timezone: string): Html {
  switch (content.kind) {
    case "card":
      return renderCard(content.view, { id, timezone });
    case "list":
      return renderList(content.view);
    case "notice":
      return renderNotice(content.view);
    case "text":
      return html`<p class="text">${multiline(content.text)}</p>`;
  }
}

/**
 * One message as a list item of the channel (or thread) log. Private replies say so in words, not only
 * by colour; cards with replies get the button that opens their thread.
 */
export function renderMessage(message: ConsoleMessage, timezone: string): Html {
  const id = `msg-${message.id}`;
  const isPrivate = message.audienceId !== null;
  const author = isPrivate ? "OpsDesk (private)" : "OpsDesk";
  return html`<li class="${isPrivate ? "message private" : "message"}" id="${id}" data-message-id="${message.id}">
<div class="meta"><span class="author">${author}</span> ${timeElement(message.createdAt, timezone)}${
    isPrivate ? html` <span class="only-you">Only you can see this</span>` : ""
  }</div>
${renderContent(message.content, id, timezone)}
${
  message.threadOfId === null && message.content.kind === "card"
    ? html`<button type="button" class="thread-link" data-thread="${message.id}" aria-controls="thread">${replyLabel(message.replyCount)}</button>`
    : ""
}
</li>`;
}

function replyLabel(count: number): string {
  if (count === 0) return "Open thread";
  return count === 1 ? "1 reply" : `${count} replies`;
}
