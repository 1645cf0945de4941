/** A person named in a command, by the id their chat platform knows them by. The core resolves it later. */
export interface PersonMention {
  platformId: string;
}

/*
 * Slack escapes mentions in slash-command text as `<@U0123|name>` (or `<@U0123>` without a name);
 * Discord writes `<@123>`, and `<@!123>` for members with a nickname. Discord's typed user option and
 * the console send the bare id.
 */
const slackOrDiscordMention = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/;
const plainId = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parsePersonMention(input: string): PersonMention | undefined {
  const text = input.trim();
  const mentioned = slackOrDiscordMention.exec(text)?.[1];
  if (mentioned !== undefined) return { platformId: mentioned };
  return plainId.test(text) ? { platformId: text } : undefined;
}
