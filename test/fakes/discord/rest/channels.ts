import { threadChannel } from "../entities.js";
import {
  invalidFormBody,
  missingPermissions,
  notFound,
  unknownChannel,
  unknownMessage,
} from "../http/errors.js";
import type { RouteContext, Router } from "../http/router.js";
import { asRecord, type JsonRecord } from "../json.js";
import { threadFormErrors } from "../limits/thread-limits.js";
import type { FakeChannel, FakeMessage } from "../types.js";
import {
  attachmentsFor,
  editStoredMessage,
  requireChannel,
  storeMessage,
  validateMessageBody,
} from "./message-store.js";

const GUILDS_INTENT = 1 << 0;
const PUBLIC_THREAD = 11;
const PRIVATE_THREAD = 12;
const HAS_THREAD_FLAG = 32;

function requireMessage(context: RouteContext): FakeMessage {
  requireChannel(context.state, context.param("channelId"));
  const message = context.state
    .messagesIn(context.param("channelId"))
    .find((candidate) => candidate.id === context.param("messageId"));
  if (!message) throw unknownMessage();
  return message;
}

function threadBody(
  body: unknown,
  fromMessage: boolean,
): { name: string; archiveMinutes: number; type: number | undefined } {
  const input = asRecord(body);
  const errors = threadFormErrors(body, { fromMessage });
  if (!errors.empty) throw invalidFormBody(errors.toJSON());
  return {
    name: String(input.name),
    archiveMinutes: typeof input.auto_archive_duration === "number" ? input.auto_archive_duration : 4320,
    type: typeof input.type === "number" ? input.type : undefined,
  };
}

function createThread(
  context: RouteContext,
  id: string,
  type: number,
  body: ReturnType<typeof threadBody>,
): FakeChannel {
  const { state } = context;
  const parent = requireChannel(state, context.param("channelId"));
  const thread = threadChannel({
    id,
    guildId: parent.guild_id,
    parentId: parent.id,
    name: body.name,
    type,
    ownerId: state.config.bot.id,
    archiveMinutes: body.archiveMinutes,
    now: state.isoNow(),
  });
  state.channels.set(id, thread);
  state.threadMembers.set(id, new Set([state.config.bot.id]));
  state.dispatch("THREAD_CREATE", { ...thread, newly_created: true }, GUILDS_INTENT);
  return thread;
}

/**
 * Pin Message / Unpin Message (https://discord.com/developers/docs/resources/message#pin-message): 204,
 * or 403 Missing Permissions (50013) for a bot without PIN_MESSAGES, which bots need since 2026-02-23
 * (https://discord.com/developers/docs/change-log#pin-permission-split).
 */
function pin(context: RouteContext, pinned: boolean): { status: number } {
  const message = requireMessage(context);
  if (!context.state.botCanPin) throw missingPermissions();
  message.pinned = pinned;
  return { status: 204 };
}

/**
 * The old pin routes, `/channels/{channel.id}/pins/{message.id}`, are deprecated in favour of
 * `/channels/{channel.id}/messages/pins/{message.id}` (discord-api-docs, "Document new pin endpoints",
 * discord/discord-api-docs#7585). The fake refuses them, as an unknown route (404, code 0), so that code
 * drifting back to them fails every test instead of failing the day Discord removes them.
 */
function deprecatedPin(): never {
  throw notFound();
}

export function registerChannelRoutes(router: Router): void {
  router.add("GET", "/channels/:channelId", (context) => ({
    status: 200,
    body: requireChannel(context.state, context.param("channelId")),
  }));
  router.add("GET", "/channels/:channelId/messages", (context) => {
    requireChannel(context.state, context.param("channelId"));
    // Discord lists newest first.
    return { status: 200, body: [...context.state.messagesIn(context.param("channelId"))].reverse() };
  });
  router.add("POST", "/channels/:channelId/messages", (context) => {
    const data = validateMessageBody(context.body, { creating: true, fileCount: context.files.length });
    const { nonce, enforce_nonce: enforceNonce } = asRecord(context.body);
    // enforce_nonce: a second create with the same nonce by the same author returns the first message.
    if (enforceNonce === true && (typeof nonce === "string" || typeof nonce === "number")) {
      const earlier = context.state
        .messagesIn(context.param("channelId"))
        .find(
          (message) => message.nonce === nonce && asRecord(message.author).id === context.state.config.bot.id,
        );
      if (earlier) return { status: 200, body: earlier };
    }
    const extra: JsonRecord = {};
    if (nonce !== undefined) extra.nonce = nonce;
    if (data.message_reference) extra.message_reference = data.message_reference;
    const attachments = attachmentsFor(context.state, context.files, context.body);
    return {
      status: 200,
      body: storeMessage(context.state, context.param("channelId"), data, extra, attachments),
    };
  });
  router.add("GET", "/channels/:channelId/messages/:messageId", (context) => ({
    status: 200,
    body: requireMessage(context),
  }));
  router.add("PATCH", "/channels/:channelId/messages/:messageId", (context) => {
    const message = requireMessage(context);
    const data = validateMessageBody(context.body, { creating: false, fileCount: context.files.length });
    return { status: 200, body: editStoredMessage(context.state, message, data) };
  });
  router.add("DELETE", "/channels/:channelId/messages/:messageId", (context) => {
    requireMessage(context);
    context.state.deleteMessage(context.param("messageId"));
    return { status: 204 };
  });
  router.add("POST", "/channels/:channelId/messages/:messageId/threads", (context) => {
    const message = requireMessage(context);
    const body = threadBody(context.body, true);
    // A thread started from a message takes the message's id.
    const thread = createThread(context, message.id, PUBLIC_THREAD, body);
    message.flags |= HAS_THREAD_FLAG;
    message.thread = thread;
    return { status: 201, body: thread };
  });
  router.add("POST", "/channels/:channelId/threads", (context) => {
    const body = threadBody(context.body, false);
    // Without `type`, Discord creates a PRIVATE thread (kept for backwards compatibility).
    const type = body.type ?? PRIVATE_THREAD;
    return { status: 201, body: createThread(context, context.state.ids.next(), type, body) };
  });
  router.add("PUT", "/channels/:channelId/thread-members/:userId", (context) => {
    const members = context.state.threadMembers.get(context.param("channelId"));
    if (!members) throw unknownChannel();
    const userId = context.param("userId");
    members.add(userId === "@me" ? context.state.config.bot.id : userId);
    return { status: 204 };
  });
  router.add("PUT", "/channels/:channelId/pins/:messageId", deprecatedPin);
  router.add("DELETE", "/channels/:channelId/pins/:messageId", deprecatedPin);
  router.add("PUT", "/channels/:channelId/messages/pins/:messageId", (context) => pin(context, true));
  router.add("DELETE", "/channels/:channelId/messages/pins/:messageId", (context) => pin(context, false));
}
