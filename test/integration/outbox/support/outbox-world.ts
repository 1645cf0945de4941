// Shared set-up for the outbox suites: queueing messages as a state change would, and dispatchers wired to
// a fake platform, a manual clock and a recording logger.

import type { Db } from "../../../../src/db/client.js";
import { transactionOptions } from "../../../../src/db/client.js";
import { ManualClock } from "../../../../src/kernel/clock.js";
import { OutboxDispatcher, type OutboxDispatcherOptions } from "../../../../src/outbox/dispatcher.js";
import { enqueueOutbox } from "../../../../src/outbox/enqueue.js";
import type { OutboxLogger } from "../../../../src/outbox/logger.js";
import type { ChatRefKey, OutboxKind } from "../../../../src/outbox/message.js";
import { channelOrderingKey } from "../../../../src/outbox/ordering-keys.js";
import type { FakeChatPlatform } from "./fake-chat-platform.js";

export const startOfDay = "2026-11-02T09:00:00.000Z";

export interface LogEntry {
  level: "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string;
}

export function recordingLogger(): OutboxLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry["level"]) => (fields: Record<string, unknown>, message: string) => {
    entries.push({ level, fields, message });
  };
  return { entries, info: record("info"), warn: record("warn"), error: record("error") };
}

export interface ChatPost {
  key: string;
  channelId: string;
  text: string;
  orderingKey?: string;
  kind?: OutboxKind;
  ref?: ChatRefKey;
}

/** Queues posts in one committed transaction, as a state change would; returns whether each was new. */
export async function queue(db: Db, clock: ManualClock, ...posts: ChatPost[]): Promise<boolean[]> {
  return db.$transaction(async (tx) => {
    const inserted: boolean[] = [];
    for (const post of posts) {
      inserted.push(
        await enqueueOutbox(tx, {
          idempotencyKey: post.key,
          platform: "slack",
          channelId: post.channelId,
          orderingKey: post.orderingKey ?? channelOrderingKey("slack", post.channelId),
          kind: post.kind ?? "post_message",
          body: { text: post.text },
          ref: post.ref ?? null,
          at: clock.now(),
        }),
      );
    }
    return inserted;
  }, transactionOptions);
}

export function dispatcherFor(
  db: Db,
  platform: FakeChatPlatform,
  clock: ManualClock,
  options: Partial<OutboxDispatcherOptions> = {},
): OutboxDispatcher {
  return new OutboxDispatcher({
    db,
    transports: [platform],
    clock,
    // Jitter pinned to the middle of its range so every delay in these tests is exact.
    random: () => 0.5,
    replicaId: "replica-a",
    ...options,
  });
}

export function newClock(): ManualClock {
  return new ManualClock(startOfDay);
}
