/**
 * Slack mrkdwn for text people typed. Slack's control sequences all start with `<` (`<@U123>` mentions,
 * `<!here>` and `<!channel>` broadcasts, `<url|label>` links), so escaping `&`, `<` and `>` as Slack
 * documents ("Escaping text", docs.slack.dev/messaging/formatting-message-text) turns any of them typed by a
 * user into visible text. `*`, `_`, `~` and backticks stay: they only format and Slack has no escape for them.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Slack user ids start with U (or W on Enterprise Grid); anything else from a resolver is not trusted.
const slackUserId = /^[UW][A-Z0-9]{2,30}$/;

export function isSlackUserId(id: string): boolean {
  return slackUserId.test(id);
}

/** `<@U123>`: Slack shows the person's current name and links their profile. */
export function userMention(userId: string): string | undefined {
  return isSlackUserId(userId) ? `<@${userId}>` : undefined;
}

const linkableScheme = /^(https?:|mailto:)/i;

/**
 * `<url|label>`. Inside the angle brackets `|` and `>` end the URL, so they are percent-encoded; the label
 * is escaped like other text (an escaped `>` cannot close the link early). A URL with any other scheme is
 * shown as text rather than linked, so a `javascript:` or `slack://` link never becomes clickable.
 */
export function mrkdwnLink(url: string, label: string): string {
  const shownLabel = escapeMrkdwn(label);
  if (!linkableScheme.test(url)) return `${shownLabel} (${escapeMrkdwn(url)})`;
  const safeUrl = url.replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C").replace(/\s/g, "%20");
  return `<${safeUrl}|${shownLabel}>`;
}

function utcFallback(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Slack's date token: each reader sees the time in their own time zone; clients that cannot render it
 * show the fallback, which must not contain `|` or `>`.
 */
export function dateToken(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${utcFallback(date)}>`;
}

/**
 * Undoes Slack's escaping of `&`, `<` and `>` in message text it hands to an app (e.g. a message shortcut),
 * so people read what was written; `&amp;` last, so `&amp;lt;` stays the literal text `&lt;`.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function unescapeSlackText(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}
