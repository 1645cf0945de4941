import { createHash } from "node:crypto";
import { type REST, Routes } from "discord.js";
import type { APIChannel, APIMessage } from "discord-api-types/v10";
import type { Card } from "../../kernel/views/card.js";
import { type PostText, readPostText } from "../../kernel/views/post-text.js";
import type { AlertBody, CardBody, MajorRoomBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { reviveCard } from "../../outbox/card-payload.js";
import type {
  ChatMessageRefRecord,
  ChatTransport,
  DeliveryResult,
  OutboxLogger,
  OutboxRow,
  RefStore,
} from "../../outbox/index.js";
import { PermanentDeliveryError, silentLogger } from "../../outbox/index.js";
import type { DirectMessageBody, ImageMessageBody, TextMessageBody } from "../../outbox/message-payload.js";
import { imageMessage } from "./render/image.js";
import { postTextContent, renderCard, truncate } from "./render/index.js";
import { noMentions } from "./render/message.js";
import { classifyDiscordError } from "./transport-errors.js";

/** Discord's JSON error code for a request the bot lacks a permission for (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
const missingPermissionsCode = 50013;

export const pinPermissionLine =
  "OpsDesk could not pin the summary above: give the OpsDesk bot the Pin Messages permission in this channel (Server Settings > Roles, or the channel's permissions) to have it pinned next time.";

// Thread names: 1-100 characters. Public thread type 11; a day of inactivity before auto-archive.
const threadNameMax = 100;
const publicThread = 11;
const archiveAfterMinutes = 1440;

/**
 * Delivers outbox rows to Discord with discord.js's REST client (retries off: the dispatcher retries).
 * Posts carry a nonce derived from the idempotency key with `enforce_nonce`, so Discord itself returns the
 * first message instead of posting twice when a retry repeats a post whose answer was lost.
 */
export class DiscordTransport implements ChatTransport {
  readonly platform = "discord" as const;
  readonly #rest: REST;
  readonly #log: OutboxLogger;

  constructor(rest: REST, log: OutboxLogger = silentLogger) {
    this.#rest = rest;
    this.#log = log;
  }

  async deliver(row: OutboxRow, refs: RefStore, signal?: AbortSignal): Promise<DeliveryResult> {
    try {
      switch (row.kind) {
        case "post_card":
          return await this.#postCard(row, row.channelId, reviveCard((row.body as CardBody).card), signal);
        case "update_card":
          return await this.#updateCard(row, refs, reviveCard((row.body as CardBody).card), signal);
        case "thread_reply":
          return await this.#threadReply(row, refs, readPostText((row.body as ThreadLineBody).text), signal);
        case "open_major_room":
          return await this.#openMajorRoom(row, refs, row.body as MajorRoomBody, signal);
        case "post_message":
          return await this.#postText(row, row.channelId, row.body as TextMessageBody, signal);
        case "post_alert":
          return await this.#postAlert(row, row.body as AlertBody, signal);
        case "direct_message":
          return await this.#directMessage(row, row.body as DirectMessageBody, signal);
        case "post_image":
          return await this.#postImage(row, row.channelId, row.body as ImageMessageBody, signal);
        case "direct_image":
          return await this.#postImage(
            row,
            await this.#dmChannel(row.channelId, signal),
            row.body as ImageMessageBody,
            signal,
          );
        default:
          throw new PermanentDeliveryError("unknown_kind", `Discord cannot deliver a "${row.kind}" message`);
      }
    } catch (error) {
      throw classifyDiscordError(error);
    }
  }

  async #post(channelId: string, body: object, key: string, signal?: AbortSignal): Promise<APIMessage> {
    return (await this.#rest.post(`/channels/${channelId}/messages`, {
      body: { ...body, nonce: nonceFor(key), enforce_nonce: true },
      ...(signal ? { signal } : {}),
    })) as APIMessage;
  }

  /**
   * Mentions ping exactly the people named (the approvers to remind), nobody else; a list too long for one
   * message is summarised, never at the cost of the text (see postTextContent).
   */
  async #postText(
    row: OutboxRow,
    channelId: string,
    body: TextMessageBody,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    await this.#post(
      channelId,
      postTextContent(readPostText(body.text), body.mentions),
      row.idempotencyKey,
      signal,
    );
    return {};
  }

  async #postCard(
    row: OutboxRow,
    channelId: string,
    card: Card,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const posted = await this.#post(channelId, renderCard(card), row.idempotencyKey, signal);
    return { message: { channelId: posted.channel_id, messageId: posted.id } };
  }

  /** An SLA alert: mentions (allowed to ping exactly those users) and the headline, the alert embed below. */
  async #postAlert(row: OutboxRow, body: AlertBody, signal?: AbortSignal): Promise<DeliveryResult> {
    const mentions = body.mentions.filter((id) => /^[0-9]{17,20}$/.test(id));
    const content = truncate([...mentions.map((id) => `<@${id}>`), body.headline].join(" "), 2000);
    const rendered = renderCard(reviveCard(body.card));
    const posted = await this.#post(
      row.channelId,
      { ...rendered, content, allowed_mentions: { parse: [], users: mentions } },
      row.idempotencyKey,
      signal,
    );
    return { details: { channelId: posted.channel_id, messageId: posted.id } };
  }

  /** A person's DM channel with the bot: Discord returns the existing one. */
  async #dmChannel(userId: string, signal?: AbortSignal): Promise<string> {
    const channel = (await this.#rest.post("/users/@me/channels", {
      body: { recipient_id: userId },
      ...(signal ? { signal } : {}),
    })) as APIChannel;
    return channel.id;
  }

  /**
   * A chart: the PNG as a message attachment (multipart, `files[0]` with `attachments[0].description` as its
   * alt text, https://discord.com/developers/docs/reference#uploading-files) and its numbers as the content.
   * The nonce makes a repeat return the first message, as for every post.
   */
  async #postImage(
    row: OutboxRow,
    channelId: string,
    body: ImageMessageBody,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const { payload, file } = imageMessage(body.image, readPostText(body.text));
    const posted = (await this.#rest.post(`/channels/${channelId}/messages`, {
      body: { ...payload, nonce: nonceFor(row.idempotencyKey), enforce_nonce: true },
      files: [file],
      ...(signal ? { signal } : {}),
    })) as APIMessage;
    return { details: { channelId: posted.channel_id, messageId: posted.id } };
  }

  /** Privately to one person: their DM channel (Discord returns the existing one), then the message. */
  async #directMessage(
    row: OutboxRow,
    body: DirectMessageBody,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const channelId = await this.#dmChannel(row.channelId, signal);
    const text = postTextContent(readPostText(body.text));
    const posted = await this.#post(
      channelId,
      body.card ? { ...renderCard(reviveCard(body.card)), ...text } : text,
      row.idempotencyKey,
      signal,
    );
    return { details: { channelId: posted.channel_id, messageId: posted.id } };
  }

  async #updateCard(
    row: OutboxRow,
    refs: RefStore,
    card: Card,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const ref = row.ref ? await refs.find("discord", row.ref) : null;
    // The original post was dead-lettered: post the current state instead of losing the card.
    if (!ref) return this.#postCard(row, row.channelId, card, signal);
    await this.#rest.patch(`/channels/${ref.channelId}/messages/${ref.messageId}`, {
      body: renderCard(card),
      ...(signal ? { signal } : {}),
    });
    return { message: keep(ref) };
  }

  async #threadReply(
    row: OutboxRow,
    refs: RefStore,
    line: PostText,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const ref = row.ref ? await refs.find("discord", row.ref) : null;
    const content = postTextContent(line);
    if (!ref) {
      await this.#post(row.channelId, content, row.idempotencyKey, signal);
      return {};
    }
    const threadId = ref.threadId ?? (await this.#startThread(ref, signal));
    await this.#post(threadId, content, row.idempotencyKey, signal);
    // The card's ref keeps pointing at the card; it now also remembers its thread.
    return { message: { ...keep(ref), threadId } };
  }

  /**
   * A thread on the card message, created once. Thread lines carry only their text, so the name (the
   * card's title: ref and incident title) is read from the card message itself.
   */
  async #startThread(ref: ChatMessageRefRecord, signal?: AbortSignal): Promise<string> {
    const options = signal ? { signal } : {};
    const message = (await this.#rest.get(
      `/channels/${ref.channelId}/messages/${ref.messageId}`,
      options,
    )) as APIMessage;
    const name = truncate(message.embeds[0]?.title ?? `Ticket ${ref.ticketId}`, threadNameMax);
    try {
      const thread = (await this.#rest.post(`/channels/${ref.channelId}/messages/${ref.messageId}/threads`, {
        body: { name, auto_archive_duration: archiveAfterMinutes },
        ...options,
      })) as APIChannel;
      return thread.id;
    } catch (error) {
      // 160004: a thread already exists for this message (a retry after a lost answer). Its id is the
      // message's id: Discord gives a message-started thread the message's snowflake.
      if ((error as { code?: unknown }).code === 160004) return ref.messageId;
      throw error;
    }
  }

  async #openMajorRoom(
    row: OutboxRow,
    refs: RefStore,
    body: MajorRoomBody,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const card = row.ref ? await refs.find("discord", { ...row.ref, purpose: "card" }) : null;
    const room = await this.#roomFor(row, refs, body.name, card?.channelId ?? row.channelId, signal);
    // Adding a member twice, posting with the same nonce and pinning twice are no-ops: a retry carries on.
    for (const userId of body.invite) {
      await this.#rest.put(`/channels/${room.id}/thread-members/${userId}`, signal ? { signal } : {});
    }
    const summary = await this.#post(room.id, renderCard(reviveCard(body.card)), row.idempotencyKey, signal);
    if (card) {
      const line = { content: `Major incident room: <#${room.id}>`, allowed_mentions: noMentions };
      const target = card.threadId ?? card.channelId;
      await this.#post(target, line, `${row.idempotencyKey}:link`, signal);
    }
    await this.#pinSummary(row, room.id, summary.id, signal);
    return { message: { channelId: room.id, messageId: summary.id, threadId: room.id } };
  }

  /**
   * The room (a thread) an earlier attempt of this row opened, or a new one, remembered as soon as it
   * exists: creating a thread is not idempotent, so a retry after a later step failed must not open another.
   */
  async #roomFor(
    row: OutboxRow,
    refs: RefStore,
    name: string,
    channelId: string,
    signal?: AbortSignal,
  ): Promise<{ id: string }> {
    const key = row.ref ? { ...row.ref, purpose: roomOpenedPurpose } : undefined;
    const opened = key ? await refs.find("discord", key) : null;
    if (opened) return { id: opened.channelId };
    // Discord has no cheap private channels for bots: the room is a public thread in the incident's channel.
    const room = (await this.#rest.post(`/channels/${channelId}/threads`, {
      body: {
        name: truncate(name, threadNameMax),
        type: publicThread,
        auto_archive_duration: archiveAfterMinutes,
      },
      ...(signal ? { signal } : {}),
    })) as APIChannel;
    if (key)
      await refs.remember({
        ...key,
        platform: "discord",
        channelId: room.id,
        messageId: "",
        threadId: room.id,
      });
    return room;
  }

  /**
   * Pins the room's summary: a convenience, so it never costs the room. The current route is
   * `PUT /channels/{channel.id}/messages/pins/{message.id}` (the old `/channels/{id}/pins/{id}` is
   * deprecated: https://discord.com/developers/docs/resources/message#pin-message). Since 2026-02-23 a bot
   * needs PIN_MESSAGES to pin (https://discord.com/developers/docs/change-log#pin-permission-split); without
   * it Discord answers 403 Missing Permissions (code 50013): the room says which permission to grant and
   * the log warns. Any other failure is logged and the pin skipped: a pin is a convenience and never holds
   * up the room.
   */
  async #pinSummary(row: OutboxRow, roomId: string, messageId: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.#rest.put(Routes.channelMessagesPin(roomId, messageId), signal ? { signal } : {});
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const status = (error as { status?: unknown }).status;
      const missingPermission = code === missingPermissionsCode || status === 403;
      this.#log.warn(
        { outboxId: row.id, channelId: roomId, messageId, code, status, err: error },
        missingPermission
          ? "Discord refused to pin the major-incident summary: the bot lacks the Pin Messages permission"
          : "Discord could not pin the major-incident summary; the room is open without it",
      );
      if (!missingPermission) return;
      await this.#post(
        roomId,
        { content: pinPermissionLine, allowed_mentions: noMentions },
        `${row.idempotencyKey}:pin_permission`,
        signal,
      );
    }
  }
}

/** The reference that remembers a room as soon as it is opened, before its summary exists. */
const roomOpenedPurpose = "major_room_opened";

function keep(ref: ChatMessageRefRecord): { channelId: string; messageId: string; threadId: string | null } {
  return { channelId: ref.channelId, messageId: ref.messageId, threadId: ref.threadId };
}

/** Discord nonces are at most 25 characters: a short hash of the idempotency key. */
export function nonceFor(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 25);
}
