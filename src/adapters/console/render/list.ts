import type { List } from "../../../kernel/views/list.js";
import { type Html, html } from "./html.js";

/** A list of tickets: a heading, then one line per ticket with its fields. */
export function renderList(list: List): Html {
  if (list.items.length === 0)
    return html`<section class="list"><h3>${list.title}</h3><p>${list.emptyText}</p></section>`;
  return html`<section class="list"><h3>${list.title}</h3><ul>${list.items.map(
    (item) =>
      html`<li class="intent-${item.intent ?? "neutral"}"><strong>${item.ref}</strong> · ${item.title}${
        item.fields.length > 0
          ? html` <span class="list-fields">${item.fields.map((f) => html`<span>${f.label}: ${f.value}</span> `)}</span>`
          : ""
      }</li>`,
  )}</ul></section>`;
}
