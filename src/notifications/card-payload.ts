import type { Card } from "../core/views/index.js";

/** Outbox bodies are JSON; a card's timestamp travels as ISO text and comes back as a Date. */
export interface CardBody {
  card: Card;
}

export interface ThreadLineBody {
  text: string;
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
  return typeof timestamp === "string" ? { ...card, timestamp: new Date(timestamp) } : card;
}
