import type { ImageView } from "../../../kernel/views/image.js";
import { type Html, html, multiline } from "./html.js";

/**
 * A chart in the console: the PNG inline as a data URL (the page's policy allows `img-src data:`), its alt
 * text for screen readers, and the numbers as text under it. The base64 is checked to be only base64, so a
 * stored body can never close the attribute.
 */
export function renderImage(image: ImageView, text: string): Html {
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/.test(image.pngBase64) ? image.pngBase64 : "";
  return html`<figure class="chart"><img src="data:image/png;base64,${base64}" alt="${image.altText}" width="${image.width}" height="${image.height}" title="${image.title}"><figcaption class="text">${multiline(text)}</figcaption></figure>`;
}
