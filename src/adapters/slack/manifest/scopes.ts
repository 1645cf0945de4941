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
    scope: "channels:manage",
    why: "create the dedicated channel of a major incident and invite its reporter and assignee",
  },
  { scope: "pins:write", why: "pin the major incident's summary in its channel" },
  {
    scope: "files:write",
    why: "upload report charts (files.getUploadURLExternal, files.completeUploadExternal) to the person who asked and to digest channels",
  },
  {
    scope: "files:read",
    why: "after an interrupted chart upload, find the chart already shared (files.list, by its keyed file name) before uploading it again, so it is posted once",
  },
  {
    scope: "channels:history",
    why: "after an interrupted delivery, find OpsDesk's own earlier post by its idempotency key before posting again, so nothing is posted twice",
  },
  {
    scope: "groups:history",
    why: "the same check in private channels configured in opsdesk.yaml",
  },
];

/*
 * Not requested, on purpose:
 * - channels:read: channels are configured by id in opsdesk.yaml, never looked up by name.
 * - groups:write: major incident channels are public so that anyone can follow them.
 * - app_mentions:read, im:history: OpsDesk reads no one's messages; the message shortcut hands the message
 *   text to the app without any history scope. channels:history and groups:history are used only to find
 *   OpsDesk's own posts by the idempotency key in their metadata.
 * - users:read, users:read.email: no users.* method is called; people are matched by Slack user id in
 *   opsdesk.yaml, and names come from there.
 */

/** The README's list of bot scopes with their reasons, generated; see test/unit/slack/manifest.test.ts. */
export function slackScopesMarkdown(): string {
  return botScopes.map(({ scope, why }) => `- \`${scope}\`: ${why}.`).join("\n");
}
