import type { Card } from "../../kernel/views/card.js";
import { plainPostText, readPostText } from "../../kernel/views/post-text.js";
import type { AlertBody, CardBody, MajorRoomBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { reviveCard } from "../../outbox/card-payload.js";
import type { ChatTransport, DeliveryResult, OutboxRow, RefStore } from "../../outbox/index.js";
import { PermanentDeliveryError } from "../../outbox/index.js";
import type { DirectMessageBody, ImageMessageBody } from "../../outbox/message-payload.js";
import type { ConsoleContent } from "./messages/message.js";
import type { ConsoleMessageStore } from "./messages/store.js";
import { directChannel } from "./workspace.js";

/**
 * Delivers outbox rows to the console: writes the message to the console's table (which tells live pages).
 * One transaction per row. Posts carry the row's idempotency key in a unique column, so a retried row
 * finds its first message instead of posting twice; updates rewrite the whole card, so repeating one is
 * harmless (see transport.ts in src/outbox).
 */
export class ConsoleTransport implements ChatTransport {
  readonly platform = "console" as const;
  readonly #store: ConsoleMessageStore;

  constructor(store: ConsoleMessageStore) {
    this.#store = store;
  }

  async deliver(row: OutboxRow, refs: RefStore): Promise<DeliveryResult> {
    switch (row.kind) {
      case "post_card":
        return this.#post(row, row.channelId, { kind: "card", view: cardOf(row.body) });
      case "update_card":
        return this.#updateCard(row, refs, cardOf(row.body));
      case "thread_reply":
        return this.#threadReply(row, refs, plainPostText(readPostText((row.body as ThreadLineBody).text)));
      case "open_major_room":
        return this.#openMajorRoom(row, refs, row.body as MajorRoomBody);
      case "direct_message":
        return this.#directMessage(row);
      case "post_image":
        return this.#post(row, row.channelId, imageContent(row.body as ImageMessageBody));
      case "direct_image":
        return this.#postTo(
          row,
          directChannel(row.channelId),
          row.channelId,
          imageContent(row.body as ImageMessageBody),
        );
      case "post_alert": {
        const alert = row.body as AlertBody;
        return this.#post(row, row.channelId, {
          kind: "alert",
          view: reviveCard(alert.card),
          headline: alert.headline,
          mentions: alert.mentions,
        });
      }
      default:
        // Any other post (SLA alerts, reminders, approvals to come) shows its card or its text.
        if (row.kind.startsWith("post_")) return this.#post(row, row.channelId, contentOf(row));
        throw new PermanentDeliveryError("unknown_kind", `the console cannot show a "${row.kind}" message`);
    }
  }

  async #post(row: OutboxRow, channelId: string, content: ConsoleContent): Promise<DeliveryResult> {
    const message = await this.#store.post({ channelId, content, idempotencyKey: row.idempotencyKey });
    return { message: { channelId, messageId: String(message.id) } };
  }

  /** A message only `personId` sees, in their direct-message channel. */
  async #postTo(
    row: OutboxRow,
    channelId: string,
    personId: string,
    content: ConsoleContent,
  ): Promise<DeliveryResult> {
    const message = await this.#store.post({
      channelId,
      audienceId: personId,
      content,
      idempotencyKey: row.idempotencyKey,
    });
    return { message: { channelId, messageId: String(message.id) } };
  }

  /** A message to one person (the row's channel is their console id): their direct-message channel. */
  async #directMessage(row: OutboxRow): Promise<DeliveryResult> {
    const personId = row.channelId;
    const channelId = directChannel(personId);
    const body = row.body as DirectMessageBody;
    // The console shows text only (its renderer HTML-escapes it), so a post line becomes its words.
    const text = plainPostText(readPostText(body.text));
    const content: ConsoleContent = body.card
      ? { kind: "alert", view: reviveCard(body.card), headline: text, mentions: [] }
      : { kind: "text", text };
    const message = await this.#store.post({
      channelId,
      audienceId: personId,
      content,
      idempotencyKey: row.idempotencyKey,
    });
    return { message: { channelId, messageId: String(message.id) } };
  }

  async #updateCard(row: OutboxRow, refs: RefStore, card: Card): Promise<DeliveryResult> {
    const ref = row.ref ? await refs.find("console", row.ref) : null;
    const updated = ref
      ? await this.#store.update(Number(ref.messageId), { kind: "card", view: card })
      : null;
    // The original post was dead-lettered (or its message is gone): post the current state instead.
    if (!ref || !updated) return this.#post(row, row.channelId, { kind: "card", view: card });
    return { message: { channelId: ref.channelId, messageId: ref.messageId } };
  }

  async #threadReply(row: OutboxRow, refs: RefStore, text: string): Promise<DeliveryResult> {
    const ref = row.ref ? await refs.find("console", row.ref) : null;
    await this.#store.post({
      channelId: ref?.channelId ?? row.channelId,
      threadOfId: ref ? Number(ref.messageId) : null,
      content: { kind: "text", text },
      idempotencyKey: row.idempotencyKey,
    });
    // A reply is not a ticket reference: keep the card's ref as it is.
    return ref ? { message: { channelId: ref.channelId, messageId: ref.messageId } } : {};
  }

  /** A major incident gets its own channel with the card on top, linked from the card's thread. */
  async #openMajorRoom(row: OutboxRow, refs: RefStore, body: MajorRoomBody): Promise<DeliveryResult> {
    const room = `#${body.name}`;
    const summary = await this.#store.post({
      channelId: room,
      content: { kind: "card", view: reviveCard(body.card) },
      idempotencyKey: row.idempotencyKey,
    });
    if (body.invite.length > 0) {
      // Everyone sees every console channel; the line says who the room is for, as an invitation would.
      await this.#store.post({
        channelId: room,
        content: {
          kind: "text",
          text: `Invited to this room: ${body.invite.map((id) => `@${id}`).join(" ")}`,
        },
        idempotencyKey: `${row.idempotencyKey}:invite`,
      });
    }
    const card = row.ref ? await refs.find("console", { ...row.ref, purpose: "card" }) : null;
    if (card) {
      await this.#store.post({
        channelId: card.channelId,
        threadOfId: Number(card.messageId),
        content: { kind: "text", text: `Major incident room: ${room}` },
        idempotencyKey: `${row.idempotencyKey}:link`,
      });
    }
    return { message: { channelId: room, messageId: String(summary.id) } };
  }
}

function cardOf(body: unknown): Card {
  return reviveCard((body as CardBody).card);
}

/** A post from any producer: a card when the body carries one (`{ card }`), else its `{ text }`. */
function contentOf(row: OutboxRow): ConsoleContent {
  const body = row.body as { card?: Card; text?: unknown; mentions?: unknown };
  if (body.card) return { kind: "card", view: reviveCard(body.card) };
  if (typeof body.text !== "string" && !Array.isArray(body.text))
    throw new PermanentDeliveryError("unreadable_body", "a console post needs a card or a text");
  // Mentions are platform ids; in the console they are person ids, written @id.
  const mentions = Array.isArray(body.mentions) ? body.mentions.map((id) => `@${String(id)}`) : [];
  return { kind: "text", text: [...mentions, plainPostText(readPostText(body.text))].join(" ") };
}

/** A chart and its numbers; the console shows text only, so the line becomes its words. */
function imageContent(body: ImageMessageBody): ConsoleContent {
  return { kind: "image", view: body.image, text: plainPostText(readPostText(body.text)) };
}
