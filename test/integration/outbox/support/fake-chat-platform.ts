// A chat platform simulated behind the outbox's transport port: it keeps the channels' history as a user
// would see it and can be told to answer like a struggling platform (5xx, 429 with Retry-After, permanent
// errors, or a request that never returns).
import {
  PermanentDeliveryError,
  RateLimitedError,
  TransientDeliveryError,
} from "../../../../src/outbox/errors.js";
import type { ChatPlatform, OutboxRow } from "../../../../src/outbox/message.js";
import type { RefStore } from "../../../../src/outbox/refs.js";
import type { ChatTransport, DeliveryResult } from "../../../../src/outbox/transport.js";

export type Answer =
  | { type: "ok" }
  | { type: "server_error"; status?: number }
  | { type: "rate_limited"; retryAfterSeconds: string }
  | { type: "permanent"; code: string }
  /** Never answers until released; with `postsFirst` the platform has already posted the message. */
  | { type: "hang"; postsFirst?: boolean };

export interface ChatMessage {
  channelId: string;
  messageId: string;
  text: string;
  edits: number;
  idempotencyKey: string;
}

export class FakeChatPlatform implements ChatTransport {
  readonly platform: ChatPlatform;
  /** Every message in every channel, in the order they were posted. */
  readonly messages: ChatMessage[] = [];
  /** What reached users, in order: `text` for a post, `text (edited)` for an edit. */
  readonly arrivals: string[] = [];
  /** Every request the dispatcher made, answered or not. */
  readonly requests: { text: string; attempt: number; answer: Answer["type"] }[] = [];
  /** Per-message answers, consulted before the queue of next answers. */
  answerFor: ((row: OutboxRow) => Answer | undefined) | undefined;
  /** Real milliseconds each request takes, so concurrent dispatchers interleave. */
  latencyMs = 0;
  #queue: Answer[] = [];
  #hung: (() => void)[] = [];
  #next = 1;

  constructor(platform: ChatPlatform = "slack") {
    this.platform = platform;
  }

  /** Answers the next requests with these, in order; then requests succeed again. */
  answerNext(...answers: Answer[]): void {
    this.#queue.push(...answers);
  }

  get hungRequests(): number {
    return this.#hung.length;
  }

  /** Lets every hung request fail as a dropped connection would. */
  releaseHung(): void {
    for (const release of this.#hung.splice(0)) release();
  }

  /** The texts of a channel as a user scrolling it sees them (edits applied). */
  channel(channelId: string): string[] {
    return this.messages.filter((m) => m.channelId === channelId).map((m) => m.text);
  }

  async deliver(row: OutboxRow, refs: RefStore): Promise<DeliveryResult> {
    const answer = this.answerFor?.(row) ?? this.#queue.shift() ?? { type: "ok" };
    const text = textOf(row);
    this.requests.push({ text, attempt: row.attempt, answer: answer.type });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    switch (answer.type) {
      case "server_error":
        throw new TransientDeliveryError(`http_${answer.status ?? 500}`, "internal_error");
      case "rate_limited":
        throw RateLimitedError.fromSlack(answer.retryAfterSeconds);
      case "permanent":
        throw new PermanentDeliveryError(answer.code, `the platform refused: ${answer.code}`);
      case "hang":
        if (answer.postsFirst) this.#post(row, text);
        return new Promise((_, reject) => {
          this.#hung.push(() => reject(new TransientDeliveryError("ECONNRESET", "socket hang up")));
        });
      case "ok":
        return this.#apply(row, text, refs);
    }
  }

  async #apply(row: OutboxRow, text: string, refs: RefStore): Promise<DeliveryResult> {
    if (row.kind.startsWith("update_") && row.ref) {
      const ref = await refs.find(row.platform, row.ref);
      const target = ref && this.messages.find((m) => m.messageId === ref.messageId);
      if (target) {
        target.text = text;
        target.edits += 1;
        this.arrivals.push(`${text} (edited)`);
        return { message: { channelId: target.channelId, messageId: target.messageId } };
      }
    }
    // What a real adapter does on a retry whose first attempt may have posted: look for the message by its
    // idempotency key (Slack message metadata, Discord nonce) before posting again.
    if (row.attempt > 1) {
      const earlier = this.messages.find((m) => m.idempotencyKey === row.idempotencyKey);
      if (earlier) return { message: { channelId: earlier.channelId, messageId: earlier.messageId } };
    }
    const posted = this.#post(row, text);
    return { message: { channelId: posted.channelId, messageId: posted.messageId }, details: { ok: true } };
  }

  #post(row: OutboxRow, text: string): ChatMessage {
    const message: ChatMessage = {
      channelId: row.channelId,
      messageId: `m${this.#next++}`,
      text,
      edits: 0,
      idempotencyKey: row.idempotencyKey,
    };
    this.messages.push(message);
    this.arrivals.push(text);
    return message;
  }
}

function textOf(row: OutboxRow): string {
  const body = row.body;
  if (typeof body === "object" && body !== null && "text" in body && typeof body.text === "string") {
    return body.text;
  }
  return JSON.stringify(body);
}
