// Strings a person could type that Slack would turn into pings or a disguised link if posted unescaped
// (https://api.slack.com/reference/surfaces/formatting#escaping), and that Discord would ping with without
// allowed_mentions (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
export const hostileStrings = [
  "<!channel>",
  "<!here>",
  "<!subteam^S123>",
  "<@U123>",
  "<https://evil.example|Reset SSO>",
  "@everyone",
  "<@123456789012345678>",
] as const;

/** All of them in one line, as someone might paste into a note or a title. */
export const hostileLine = hostileStrings.join(" ");
