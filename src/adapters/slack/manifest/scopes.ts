/**
 * Bot token scopes, each with the feature that needs it. Least privilege: a scope joins this list with the
 * feature that uses it (adding one makes workspaces reinstall the app, which is the point).
 */
export const botScopes: readonly { readonly scope: string; readonly why: string }[] = [
  { scope: "commands", why: "the slash commands and the Raise incident message shortcut" },
  {
    scope: "chat:write",
    why: "post incident cards, update them in place when the ticket changes, reply privately",
  },
  {
    scope: "chat:write.public",
    why: "post SLA alerts and new incidents to the channels configured in opsdesk.yaml without inviting the bot first",
  },
  {
    scope: "users:read",
    why: "show the name of a person who is not in opsdesk.yaml yet when they raise or are assigned an incident",
  },
];

/*
 * Not requested, on purpose:
 * - channels:read: channels are configured by id in opsdesk.yaml, never looked up by name.
 * - channels:manage, groups:write, pins:write: no per-incident channel or pinned card exists yet; they
 *   arrive with the major incident channel feature.
 * - app_mentions:read, channels:history, im:history: OpsDesk reads no messages; the message shortcut hands
 *   the message text to the app without any history scope.
 * - users:read.email: people are matched by Slack user id in opsdesk.yaml, not by email.
 */
