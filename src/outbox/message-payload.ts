import type { Card } from "../kernel/views/card.js";
/** A plain message to a channel, mentioning people by their platform user id (rendered per platform). */
export interface TextMessageBody {
  text: string;
  mentions: string[];
}

/**
 * A private message to one person; the outbox row's channelId is their platform user id. With a card (an
 * SLA alert with the ticket's buttons) the text is the line above it; without, the text is the message.
 */
export interface DirectMessageBody {
  text: string;
  card?: Card;
}
