import type { types, webApi } from "@slack/bolt";
import type { Card } from "../../kernel/views/card.js";
import {
  mention,
  type PostText,
  plainPostText,
  postText,
  readPostText,
} from "../../kernel/views/post-text.js";
import type { AlertBody, CardBody, MajorRoomBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { reviveCard } from "../../outbox/card-payload.js";
import type { ChatTransport, DeliveryResult, OutboxRow, RefStore } from "../../outbox/index.js";
import {
  isDeliveryError,
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../outbox/index.js";
import type { DirectMessageBody, TextMessageBody } from "../../outbox/message-payload.js";
import {
  escapeMrkdwn,
  fitText,
  postTextMrkdwn,
  renderCard,
  slackLimits,
  userMention,
} from "./render/index.js";
import { uploadImage } from "./upload-image.js";

/**
 * Delivers outbox rows to Slack: one Web API call per row where possible, errors classified for the
 * dispatcher (which owns retries, so the WebClient is created with retries off). Posts and thread lines
 * carry the row's idempotency key as message metadata, and a repeated attempt looks for it before posting.
 */
export class SlackTransport implements ChatTransport {
  readonly platform = "slack" as const;
  readonly #client: webApi.WebClient;

  constructor(client: webApi.WebClient) {
    this.#client = client;
  }

  async deliver(row: OutboxRow, refs: RefStore): Promise<DeliveryResult> {
    try {
      switch (row.kind) {
        case "post_card":
          return await this.#postCard(row, reviveCard((row.body as CardBody).card));
        case "update_card":
          return await this.#updateCard(row, refs, reviveCard((row.body as CardBody).card));
        case "thread_reply":
          return await this.#threadReply(row, refs, readPostText((row.body as ThreadLineBody).text));
        case "open_major_room":
          return await this.#openMajorRoom(row, refs, row.body as MajorRoomBody);
        case "post_message":
          return await this.#postText(row, textWithMentions(row.body as TextMessageBody));
        case "post_alert":
          return await this.#postAlert(row, row.body as AlertBody);
        case "direct_message":
          // A user id as the channel opens (or reuses) the app's direct conversation with that person.
          return await this.#directMessage(row, row.body as DirectMessageBody);
        case "post_image":
          return await uploadImage(this.#client, row, { channel_id: row.channelId });
        case "direct_image":
          // files.completeUploadExternal shares to "channel IDs or user IDs" in `channels`: a user id is
          // their direct conversation with the app.
          return await uploadImage(this.#client, row, { channels: row.channelId });
        default:
          throw new PermanentDeliveryError("unknown_kind", `Slack cannot deliver a "${row.kind}" message`);
      }
    } catch (error) {
      throw classifySlackError(error);
    }
  }

  async #postCard(row: OutboxRow, card: Card): Promise<DeliveryResult> {
    const earlier = await this.#findEarlierPost(row, row.channelId);
    if (earlier)
      return { message: { channelId: row.channelId, messageId: earlier }, details: { found: true } };
    const posted = await this.#client.chat.postMessage({
      channel: row.channelId,
      ...renderCard(card),
      metadata: outboxMetadata(row),
    });
    return { message: { channelId: posted.channel ?? row.channelId, messageId: posted.ts ?? "" } };
  }

  /** An SLA alert in a channel: the mentions and headline as the message text, the alert card below. */
  async #postAlert(row: OutboxRow, body: AlertBody): Promise<DeliveryResult> {
    const rendered = renderCard(reviveCard(body.card));
    const mentions = body.mentions.map(userMention).filter((mention) => mention !== undefined);
    const text = [...mentions, escapeMrkdwn(body.headline)].join(" ");
    const headline: types.SectionBlock = {
      type: "section",
      text: { type: "mrkdwn", text: fitText(text, slackLimits.sectionText) },
    };
    const earlier = await this.#findEarlierPost(row, row.channelId);
    if (earlier) return { details: { channel: row.channelId, ts: earlier, found: true } };
    const posted = await this.#client.chat.postMessage({
      channel: row.channelId,
      text: fitText(text, slackLimits.fallbackText),
      blocks: [headline, ...rendered.blocks].slice(0, slackLimits.blocksPerMessage),
      metadata: outboxMetadata(row),
    });
    return { details: { channel: posted.channel, ts: posted.ts } };
  }

  /**
   * Privately to one person: posting to a user id opens the app's direct message with them. Not looked up
   * before a repeat (the DM's channel id is not known here): a retry after a lost answer may show it twice,
   * to that one person only, like an ephemeral message.
   */
  async #directMessage(row: OutboxRow, body: DirectMessageBody): Promise<DeliveryResult> {
    const text = postTextMrkdwn(readPostText(body.text));
    if (!body.card) return this.#postText(row, text);
    const posted = await this.#client.chat.postMessage({
      channel: row.channelId,
      ...renderCard(reviveCard(body.card)),
      text: fitText(plainPostText(readPostText(body.text)), slackLimits.fallbackText, {
        encode: escapeMrkdwn,
      }),
      metadata: outboxMetadata(row),
    });
    return { details: { channel: posted.channel, ts: posted.ts } };
  }

  /**
   * On a repeated attempt (`row.attempt > 1`: the previous one may have posted before its answer was
   * lost, or its replica died), looks for a post carrying this row's key in its metadata, in the channel
   * or in the thread, since shortly before the row was queued. Returns its ts, or null to post. A channel
   * OpsDesk may not read (not a member, scope missing) gives null: posting again beats not posting.
   */
  async #findEarlierPost(row: OutboxRow, channel: string, threadTs?: string): Promise<string | null> {
    if (row.attempt <= 1) return null;
    const oldest = ((row.createdAt.getTime() - lookBackMs) / 1000).toFixed(6);
    try {
      const page = threadTs
        ? await this.#client.conversations.replies({
            channel,
            ts: threadTs,
            oldest,
            include_all_metadata: true,
            limit: 200,
          })
        : await this.#client.conversations.history({
            channel,
            oldest,
            include_all_metadata: true,
            limit: 200,
          });
      const found = page.messages?.find((message) => carriesKey(message.metadata, row.idempotencyKey));
      return found?.ts ?? null;
    } catch (error) {
      if (classifySlackError(error) instanceof PermanentDeliveryError) return null;
      throw error;
    }
  }

  /**
   * A plain message (a prompt, a direct message); like cards, never posted twice after a lost answer.
   * `text` is mrkdwn from postTextMrkdwn (people's words escaped), never a string built elsewhere.
   */
  async #postText(row: OutboxRow, text: string): Promise<DeliveryResult> {
    if (await this.#findEarlierPost(row, row.channelId)) return {};
    await this.#client.chat.postMessage({ channel: row.channelId, text, metadata: outboxMetadata(row) });
    return {};
  }

  async #updateCard(row: OutboxRow, refs: RefStore, card: Card): Promise<DeliveryResult> {
    const ref = row.ref ? await refs.find("slack", row.ref) : null;
    // The original post was dead-lettered: post the current state instead of losing the card.
    if (!ref) return this.#postCard(row, card);
    await this.#client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...renderCard(card) });
    return { message: { channelId: ref.channelId, messageId: ref.messageId } };
  }

  async #threadReply(row: OutboxRow, refs: RefStore, line: PostText): Promise<DeliveryResult> {
    const text = postTextMrkdwn(line);
    const ref = row.ref ? await refs.find("slack", row.ref) : null;
    const channel = ref?.channelId ?? row.channelId;
    const earlier = await this.#findEarlierPost(row, channel, ref?.messageId);
    if (!earlier) {
      await this.#client.chat.postMessage({
        channel,
        text,
        metadata: outboxMetadata(row),
        ...(ref ? { thread_ts: ref.messageId } : {}),
      });
    }
    // The reply is not a ticket reference: keep the card's ref unchanged.
    return ref ? { message: { channelId: ref.channelId, messageId: ref.messageId } } : {};
  }

  /**
   * Opens the room in steps that can each fail (invite, summary, pin, link line). The room is remembered as
   * soon as it exists, and every post carries the row's key, so a retry carries on in the same room instead
   * of opening a second one (conversations.create is not idempotent) or posting the summary twice.
   */
  async #openMajorRoom(row: OutboxRow, refs: RefStore, body: MajorRoomBody): Promise<DeliveryResult> {
    const room = await this.#roomFor(row, refs, body.name);
    if (body.invite.length > 0) {
      await this.#client.conversations
        .invite({ channel: room, users: body.invite.join(",") })
        .catch((error: unknown) => {
          // Inviting someone already in the channel is not a failure of the room.
          if (platformError(error) !== "already_in_channel") throw error;
        });
    }
    const summaryTs =
      (await this.#findEarlierPost(row, room)) ??
      (
        await this.#client.chat.postMessage({
          channel: room,
          ...renderCard(reviveCard(body.card)),
          metadata: outboxMetadata(row),
        })
      ).ts;
    if (summaryTs) {
      await this.#client.pins.add({ channel: room, timestamp: summaryTs }).catch((error: unknown) => {
        if (platformError(error) !== "already_pinned") throw error;
      });
    }
    const card = row.ref ? await refs.find("slack", { ...row.ref, purpose: "card" }) : null;
    if (card && !(await this.#findEarlierPost(row, card.channelId, card.messageId))) {
      await this.#client.chat.postMessage({
        channel: card.channelId,
        thread_ts: card.messageId,
        text: `Major incident room: <#${room}>`,
        metadata: outboxMetadata(row),
      });
    }
    return { message: { channelId: room, messageId: summaryTs ?? "" } };
  }

  /** The room an earlier attempt of this row opened, or a new one, remembered before anything else. */
  async #roomFor(row: OutboxRow, refs: RefStore, name: string): Promise<string> {
    const key = row.ref ? { ...row.ref, purpose: roomOpenedPurpose } : undefined;
    const opened = key ? await refs.find("slack", key) : null;
    if (opened) return opened.channelId;
    const room = await this.#createChannel(name);
    if (key)
      await refs.remember({ ...key, platform: "slack", channelId: room, messageId: "", threadId: null });
    return room;
  }

  /** Slack refuses duplicate names; a retry or a reused number gets a suffix rather than failing. */
  async #createChannel(name: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = attempt === 0 ? name : `${name.slice(0, 76)}-${attempt + 1}`;
      try {
        const created = await this.#client.conversations.create({ name: candidate });
        if (created.channel?.id) return created.channel.id;
      } catch (error) {
        if (platformError(error) !== "name_taken") throw error;
      }
    }
    throw new PermanentDeliveryError("name_taken", `no free channel name for ${name}`);
  }
}

/** The reference that remembers a room as soon as it is opened, before its summary exists. */
const roomOpenedPurpose = "major_room_opened";

/** How far before a row was queued its post may have been made (clock skew between OpsDesk and Slack). */
const lookBackMs = 60_000;

const metadataEventType = "opsdesk_outbox";

/** Slack message metadata naming the outbox row a post delivers; see #findEarlierPost. */
function outboxMetadata(row: OutboxRow): { event_type: string; event_payload: { key: string } } {
  return { event_type: metadataEventType, event_payload: { key: row.idempotencyKey } };
}

function carriesKey(metadata: unknown, key: string): boolean {
  const m = metadata as { event_type?: unknown; event_payload?: { key?: unknown } } | undefined;
  return m?.event_type === metadataEventType && m.event_payload?.key === key;
}

/** The people to mention first, then the text; everything but the mentions is escaped. */
function textWithMentions(body: TextMessageBody): string {
  const mentions = body.mentions.map((id) => mention(id));
  return postTextMrkdwn(
    postText`${joinWithSpaces(mentions)}${mentions.length > 0 ? postText` ` : []}${readPostText(body.text)}`,
  );
}

function joinWithSpaces(parts: readonly PostText[]): PostText {
  return parts.flatMap((part, i) => (i === 0 ? [...part] : [{ kind: "text" as const, text: " " }, ...part]));
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Slack's answers mapped onto the dispatcher's three outcomes. */
export function classifySlackError(error: unknown): unknown {
  // Already one of the three outcomes (thrown by our own checks): pass it on as it is.
  if (isDeliveryError(error)) return error;
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; message?: string };
  switch (e.code) {
    case "slack_webapi_rate_limited_error":
      return new RateLimitedError((e.retryAfter ?? 1) * 1000, { cause: error });
    case "slack_webapi_platform_error": {
      const code = platformError(error) ?? "platform_error";
      const transient = ["internal_error", "fatal_error", "service_unavailable", "request_timeout"].includes(
        code,
      );
      return transient
        ? new TransientDeliveryError(code, e.message ?? code, { cause: error })
        : new PermanentDeliveryError(code, e.message ?? code, { cause: error });
    }
    case "slack_webapi_http_error":
      return (e.statusCode ?? 500) >= 500
        ? new TransientDeliveryError(`http_${e.statusCode}`, e.message ?? "HTTP error", { cause: error })
        : new PermanentDeliveryError(`http_${e.statusCode}`, e.message ?? "HTTP error", { cause: error });
    default:
      return new TransientDeliveryError("request_failed", e.message ?? String(error), { cause: error });
  }
}
