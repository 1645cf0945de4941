import { applyMessageEdit, newMessage } from "../entities.js";
import { emptyMessage, invalidFormBody, unknownChannel } from "../http/errors.js";
import { isRecord, type JsonRecord } from "../json.js";
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

export function attachmentsFor(
  state: FakeState,
  files: ReadonlyArray<{ filename: string; contentType: string; size: number }>,
): JsonRecord[] {
  return files.map((file) => {
    const id = state.ids.next();
    return {
      id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.discordapp.com/attachments/fake/${id}/${file.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/fake/${id}/${file.filename}`,
    };
  });
}
