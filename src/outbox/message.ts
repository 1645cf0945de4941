/**
 * The vocabulary of the outbox: what producers queue and what transports receive. Platform-neutral: the
 * body is the core's view model (or any JSON), and each adapter renders it for its platform.
 */

export const chatPlatforms = ["slack", "discord", "console"] as const;
export type ChatPlatform = (typeof chatPlatforms)[number];

export const outboxStatuses = ["pending", "delivering", "delivered", "dead"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * What the message does, in neutral terms. Adapters switch on it; a `post_*` creates a message, an
 * `update_*` edits the one named by the row's ref in place. Open-ended so new features need no change here.
 */
export type OutboxKind =
  | "post_card"
  | "update_card"
  | "thread_reply"
  | "post_message"
  | "ephemeral"
  | (string & {});

/** Names one ChatMessageRef of a ticket on the message's platform (e.g. incident 7's `card`). */
export interface ChatRefKey {
  ticketKind: string;
  ticketId: number;
  purpose: string;
}

/** What a producer queues, inside the transaction of the change that causes it. */
export interface OutboxMessageInput {
  /** Derived from the cause (ticket, version, purpose, platform): the same cause never queues twice. */
  idempotencyKey: string;
  platform: ChatPlatform;
  channelId: string;
  /** Messages with the same key are delivered one at a time in creation order; see ordering-keys.ts. */
  orderingKey: string;
  kind: OutboxKind;
  /** JSON-serialisable content for the adapter (neutral view model, ids it needs). */
  body: unknown;
  /** The reference this message creates or updates; the dispatcher stores the posted message's ids there. */
  ref?: ChatRefKey | null;
  /** The time of the change (from the injected clock); also the earliest delivery time. */
  at: Date;
}

/** A claimed outbox row as handed to a transport. */
export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  platform: ChatPlatform;
  channelId: string;
  orderingKey: string;
  kind: OutboxKind;
  body: unknown;
  ref: ChatRefKey | null;
  /**
   * 1 on the first delivery. Greater than 1 means an earlier attempt may have reached the platform (a 5xx
   * after posting, a timeout, a replica that died before recording the outcome): see transport.ts.
   */
  attempt: number;
  /** Why the previous attempt did not complete (`lease_expired` after a replica died), or null. */
  previousError: string | null;
  createdAt: Date;
}
