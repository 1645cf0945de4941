import { applyMessageEdit, newMessage } from "../entities.js";
import { emptyMessage, invalidFormBody, unknownChannel } from "../http/errors.js";
import { asRecord, isRecord, type JsonRecord } from "../json.js";
import { attachmentFormErrors } from "../limits/attachment-limits.js";
import { isEmptyMessage, messageFormErrors } from "../limits/message-limits.js";
import type { FakeState } from "../state.js";
import type { FakeChannel, FakeMessage } from "../types.js";

const GUILD_MESSAGES_INTENT = 1 << 9;
const EPHEMERAL = 64;

export function requireChannel(state: FakeState, channelId: string): FakeChannel {
  const channel = state.channels.get(channelId);
  if (!channel) throw unknownChannel();
  return channel;
}

/** Throws Discord's 50035 (limits) or 50006 (nothing to show) for a message body. */
export function validateMessageBody(
  body: unknown,
  options: { creating: boolean; fileCount: number },
): JsonRecord {
  const errors = messageFormErrors(body);
  attachmentFormErrors(errors, body);
  if (!errors.empty) throw invalidFormBody(errors.toJSON());
  if (options.creating && isEmptyMessage(body, options.fileCount)) throw emptyMessage();
  return isRecord(body) ? body : {};
}

export function storeMessage(
  state: FakeState,
  channelId: string,
  data: JsonRecord,
  extra: JsonRecord = {},
  attachments: JsonRecord[] = [],
): FakeMessage {
  const channel = requireChannel(state, channelId);
  const message = newMessage({
    id: state.ids.next(),
    channelId,
    guildId: channel.guild_id,
    author: state.botUser(),
    data,
    timestamp: state.isoNow(),
    extra: { ...extra, attachments },
  });
  state.messagesIn(channelId).push(message);
  channel.last_message_id = message.id;
  // Ephemeral messages exist only for the one user; Discord does not dispatch them to the bot's gateway.
  if ((message.flags & EPHEMERAL) === 0) {
    state.dispatch("MESSAGE_CREATE", { ...message, member: state.botMember() }, GUILD_MESSAGES_INTENT);
  }
  return message;
}

export function editStoredMessage(state: FakeState, message: FakeMessage, data: JsonRecord): FakeMessage {
  applyMessageEdit(message, data, state.isoNow());
  if ((message.flags & EPHEMERAL) === 0)
    state.dispatch("MESSAGE_UPDATE", { ...message }, GUILD_MESSAGES_INTENT);
  return message;
}

/**
 * Attachment objects for uploaded files. A `files[n]` part is described by the payload's attachment with
 * `id` n (its `description` is the alt text), as in "Uploading Files"
 * (https://discord.com/developers/docs/reference#uploading-files).
 */
export function attachmentsFor(
  state: FakeState,
  files: ReadonlyArray<{ field: string; filename: string; contentType: string; size: number; data?: Buffer }>,
  body?: unknown,
): JsonRecord[] {
  const described = new Map<string, string>();
  for (const raw of Array.isArray(asRecord(body).attachments)
    ? (asRecord(body).attachments as unknown[])
    : []) {
    const entry = asRecord(raw);
    if (typeof entry.description === "string") described.set(String(entry.id), entry.description);
  }
  return files.map((file) => {
    const id = state.ids.next();
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1];
    const description = index !== undefined ? described.get(index) : undefined;
    if (file.data) state.attachmentData.set(id, file.data);
    return {
      id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      ...(description !== undefined ? { description } : {}),
      url: `https://cdn.discordapp.com/attachments/fake/${id}/${file.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/fake/${id}/${file.filename}`,
    };
  });
}
