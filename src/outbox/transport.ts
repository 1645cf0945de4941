import type { ChatPlatform, OutboxRow } from "./message.js";
import type { RefStore } from "./refs.js";

/** What the platform answered for a delivered message. */
export interface DeliveryResult {
  /**
   * The message created or edited. When the row has a ref, the dispatcher stores these ids as that
   * ChatMessageRef in the transaction that marks the row delivered, so later updates edit it in place.
   */
  message?: { channelId: string; messageId: string; threadId?: string | null };
  /** Anything else worth keeping for the audit (stored as JSON in `resultJson`). */
  details?: Record<string, unknown>;
}

/**
 * The port every chat adapter (Slack, Discord, console) implements. One call delivers one row: render the
 * body for the platform and make ONE platform request. Do not retry or sleep inside: classify the answer
 * by throwing RateLimitedError, TransientDeliveryError or PermanentDeliveryError (errors.ts) and let the
 * dispatcher schedule the retry, so ordering, leases and dead-lettering stay in one place. Honour `signal`:
 * it aborts when the dispatcher's delivery timeout elapses.
 *
 * Exactly-once toward the platform. The dispatcher guarantees at most one delivery in flight per row and
 * never re-delivers a row whose outcome it recorded. What it cannot know is whether an attempt that did not
 * record its outcome (5xx after posting, timeout, a replica that died mid-call; then `row.attempt > 1`)
 * reached the platform. References cannot tell either: they are written in the same transaction as the
 * outcome. So transports narrow at-least-once to exactly-once with the platform's help:
 * - `update_*` kinds edit the message named by the row's ref with the full current state: repeating one
 *   is harmless. With no ref yet (its post was dead-lettered), post instead and return the new ids.
 * - `post_*` and `thread_reply` kinds carry `row.idempotencyKey` in the message (Discord: `nonce` with
 *   `enforce_nonce`; Slack: message metadata) and, when `row.attempt > 1`, first look for a recent message
 *   carrying that key and return it instead of posting again.
 * - `ephemeral` messages cannot be looked up: a retry after an unknown outcome may show one twice, which
 *   only the requesting user sees.
 */
export interface ChatTransport {
  readonly platform: ChatPlatform;
  deliver(message: OutboxRow, refs: RefStore, signal: AbortSignal): Promise<DeliveryResult>;
}
