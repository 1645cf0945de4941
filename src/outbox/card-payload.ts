import type { Card } from "../kernel/views/card.js";
import type { PostText } from "../kernel/views/post-text.js";

/** Outbox bodies are JSON; a card's timestamp travels as ISO text and comes back as a Date. */
export interface CardBody {
  card: Card;
}

/** A line in a card's thread; people's words in it are user text (see kernel/views/post-text.ts). */
export interface ThreadLineBody {
  text: PostText;
}

export interface MajorRoomBody {
  /** Channel name wanted for the room, e.g. `inc-42-payments-api-down`. */
  name: string;
  card: Card;
  /** Platform user ids to invite: reporter and assignee. */
  invite: string[];
}

export function reviveCard(card: Card): Card {
  const timestamp = card.timestamp as unknown;
  const fields = card.fields.map((field) => {
    const at = field.at as unknown;
    return typeof at === "string" ? { ...field, at: new Date(at) } : field;
  });
  return {
    ...card,
    fields,
    ...(typeof timestamp === "string" ? { timestamp: new Date(timestamp) } : {}),
  };
}

/** An SLA warning or breach for a channel: the alert card, and the people it mentions by platform id. */
export interface AlertBody {
  card: Card;
  /** Platform user ids to mention (assignee, group lead). */
  mentions: string[];
  /** One line above the card, e.g. "SLA breached: INC-7 resolution". */
  headline: string;
}
