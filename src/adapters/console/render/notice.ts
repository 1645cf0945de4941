import type { Notice } from "../../../kernel/views/notice.js";
import { type Html, html, multiline } from "./html.js";

const toneLabels = { info: "Info", success: "Done", error: "Problem" } as const;

/** A private notice; the tone is spelled out in words as well as in colour. */
export function renderNotice(notice: Notice): Html {
  return html`<div class="notice tone-${notice.tone}"><span class="tone">${toneLabels[notice.tone]}:</span> ${multiline(notice.text)}</div>`;
}
