// What a chat client makes live in a post (pings, labelled links), read from what the platform received.
export interface AllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
}

/**
 * The mentions Discord would notify for this content and allowed_mentions, and masked links: without
 * allowed_mentions every mention in the content pings
 * (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
 */
export function liveInDiscord(content: string, allowed: AllowedMentions | undefined): string[] {
  const parse = allowed ? (allowed.parse ?? []) : ["everyone", "users", "roles"];
  const live: string[] = [];
  for (const [token] of content.matchAll(
    /@everyone|@here|<@!?(\d+)>|<@&(\d+)>|\[[^\]]*\]\(https?:[^)]*\)/g,
  )) {
    if (token.startsWith("[")) live.push(token);
    else if (token === "@everyone" || token === "@here") {
      if (parse.includes("everyone")) live.push(token);
    } else if (token.startsWith("<@&")) {
      const id = token.slice(3, -1);
      if (parse.includes("roles") || allowed?.roles?.includes(id)) live.push(token);
    } else {
      const id = token.replace(/\D/g, "");
      if (parse.includes("users") || allowed?.users?.includes(id)) live.push(token);
    }
  }
  return live;
}

/**
 * Slack parses a text-only message as mrkdwn: every <…> sequence is a control sequence (a mention, a
 * broadcast, a link, a date), https://api.slack.com/reference/surfaces/formatting.
 */
export function liveInSlack(text: string): string[] {
  return [...text.matchAll(/<[^>]*>/g)].map((m) => m[0]);
}

/** The console renders posts as HTML: anything live would be an element (a link, a mention) in it. */
export function liveInConsole(html: string): string[] {
  return [...html.matchAll(/<(a|span class="mention")\b[^>]*>/g)].map((m) => m[0]);
}
