/**
 * The Discord bot permissions OpsDesk needs, each with the feature that needs it: the one source of the
 * README's list and of the install URL (a test keeps the README in step). Bits from
 * https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags.
 */
export const botPermissions: readonly {
  readonly name: string;
  readonly bit: bigint;
  readonly why: string;
}[] = [
  { name: "VIEW_CHANNEL", bit: 1n << 10n, why: "see the channels configured in opsdesk.yaml" },
  {
    name: "SEND_MESSAGES",
    bit: 1n << 11n,
    why: "post incident and change cards, approval prompts, SLA alerts and reminders",
  },
  { name: "EMBED_LINKS", bit: 1n << 14n, why: "cards are embeds, which Discord hides without it" },
  {
    name: "READ_MESSAGE_HISTORY",
    bit: 1n << 16n,
    why: "read a card back to name its thread after the ticket",
  },
  {
    name: "CREATE_PUBLIC_THREADS",
    bit: 1n << 35n,
    why: "start a card's timeline thread and open a major incident's room (a thread)",
  },
  {
    name: "SEND_MESSAGES_IN_THREADS",
    bit: 1n << 38n,
    why: "post timeline lines in a card's thread, and the summary in a major incident's room, adding its people",
  },
  {
    name: "PIN_MESSAGES",
    bit: 1n << 51n,
    why: "pin a major incident's summary in its room (needed since 2026-02-23; without it the room says so)",
  },
];

/** OAuth2 scopes of the install: the bot user, and the slash and message commands. */
export const installScopes = ["bot", "applications.commands"] as const;

/** The permissions integer of the install URL: exactly the permissions above. */
export function botPermissionsValue(): string {
  return botPermissions.reduce((all, permission) => all | permission.bit, 0n).toString();
}

/** The install URL for an application (https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow). */
export function discordInstallUrl(applicationId: string): string {
  const query = `client_id=${applicationId}&scope=${installScopes.join("+")}&permissions=${botPermissionsValue()}`;
  return `https://discord.com/oauth2/authorize?${query}`;
}

/** The README's list of permissions and the install URL, generated; see test/unit/discord/permissions.test.ts. */
export function discordInstallMarkdown(): string {
  return [
    `Install the bot with exactly these permissions (${botPermissionsValue()}), replacing \`YOUR_APPLICATION_ID\`:`,
    "",
    `    ${discordInstallUrl("YOUR_APPLICATION_ID")}`,
    "",
    ...botPermissions.map((permission) => `- \`${permission.name}\`: ${permission.why}.`),
    "",
    "Direct messages (a change's decision, SLA notes) need no permission; no privileged intent is used.",
  ].join("\n");
}
