import { html } from "./html.js";

// Building a DateTimeFormat costs far more than using one, and a page shows hundreds of times.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 2 Nov, 09:05" in the desk's time zone; the machine-readable instant goes in `datetime`. */
export function formatInstant(at: Date, timezone: string): string {
  let format = formats.get(timezone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    formats.set(timezone, format);
  }
  return format.format(at);
}

export function timeElement(at: Date, timezone: string) {
  return html`<time datetime="${at.toISOString()}">${formatInstant(at, timezone)}</time>`;
}
