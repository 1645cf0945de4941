import type { Card, CardAction } from "../../../kernel/views/card.js";
import { type Html, html, multiline } from "./html.js";
import { timeElement } from "./time.js";

/**
 * A card as an article: title, status badge, fields as a description list, body, and its buttons. Buttons
 * carry the action id and value (the ticket), never anything read back from the text. No limits to apply:
 * HTML has room for everything, so nothing is truncated.
 */
export function renderCard(card: Card, options: { id: string; timezone: string }): Html {
  const titleId = `${options.id}-title`;
  return html`<article class="card intent-${card.badge?.intent ?? "neutral"}" aria-labelledby="${titleId}">
<header class="card-head"><h3 id="${titleId}">${card.title}</h3>${
    card.badge ? html`<span class="badge">${card.badge.text}</span>` : ""
  }</header>
${card.subtitle ? html`<p class="card-subtitle">${card.subtitle}</p>` : ""}
<dl class="fields">${card.fields.map(
    (field) =>
      html`<div class="${field.inline ? "field inline" : "field"}"><dt>${field.label}</dt><dd>${multiline(field.value)}</dd></div>`,
  )}</dl>
${card.body ? html`<p class="card-body">${multiline(card.body)}</p>` : ""}
${card.context || card.timestamp ? html`<p class="card-context">${card.context ?? ""}${card.context && card.timestamp ? " · " : ""}${card.timestamp ? html`Raised ${timeElement(card.timestamp, options.timezone)}` : ""}</p>` : ""}
${card.links.length > 0 ? html`<p class="card-links">${card.links.map((link) => html`<a href="${link.url}">${link.label}</a> `)}</p>` : ""}
${card.actions.length > 0 ? html`<div class="actions" role="group" aria-label="Actions on ${card.title}">${card.actions.map(renderAction)}</div>` : ""}
</article>`;
}

function renderAction(action: CardAction): Html {
  return html`<button type="button" class="action style-${action.style}" data-action="${action.id}" data-value="${action.value}"${
    action.confirm ? html` data-confirm="${action.confirm}"` : ""
  }${action.requiresInput ? html` aria-haspopup="dialog"` : ""}>${action.label}</button>`;
}
