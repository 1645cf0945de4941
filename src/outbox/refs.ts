import type { Db, Tx } from "../db/client.js";
import { type Clock, systemClock } from "../kernel/clock.js";
import type { ChatPlatform, ChatRefKey } from "./message.js";

/** Where one of a ticket's messages lives in chat. */
export interface ChatMessageRefRecord extends ChatRefKey {
  platform: ChatPlatform;
  channelId: string;
  messageId: string;
  threadId: string | null;
}

/**
 * The references, for transports that update or reply to a message posted earlier, and for deliveries of
 * several steps that must not repeat a step that cannot be undone (opening a room) when a later step fails.
 */
export interface RefStore {
  find(platform: ChatPlatform, key: ChatRefKey): Promise<ChatMessageRefRecord | null>;
  /**
   * Records what a step made, at once and on its own (the delivery may still fail and be retried): the
   * retry finds it with `find` and carries on from there instead of making it again.
   */
  remember(ref: ChatMessageRefRecord): Promise<void>;
}

export function databaseRefStore(db: Db, clock: Clock = systemClock): RefStore {
  return {
    async remember(ref) {
      await db.$transaction((tx) => saveChatMessageRef(tx, ref, clock.now()));
    },
    async find(platform, key) {
      // Read inside a transaction: on SQLite a bare query would run inside whichever transaction holds the
      // single connection and could see uncommitted rows.
      const row = await db.$transaction((tx) =>
        tx.chatMessageRef.findUnique({
          where: {
            ticketKind_ticketId_platform_purpose: {
              ticketKind: key.ticketKind,
              ticketId: key.ticketId,
              platform,
              purpose: key.purpose,
            },
          },
        }),
      );
      if (!row) return null;
      return {
        ticketKind: row.ticketKind,
        ticketId: row.ticketId,
        purpose: row.purpose,
        platform: row.platform as ChatPlatform,
        channelId: row.channelId,
        messageId: row.messageId,
        threadId: row.threadId,
      };
    },
  };
}

/** Records (or moves) a reference; called in the transaction that marks the delivering row delivered. */
export async function saveChatMessageRef(tx: Tx, ref: ChatMessageRefRecord, at: Date): Promise<void> {
  const data = { channelId: ref.channelId, messageId: ref.messageId, threadId: ref.threadId, updatedAt: at };
  await tx.chatMessageRef.upsert({
    where: {
      ticketKind_ticketId_platform_purpose: {
        ticketKind: ref.ticketKind,
        ticketId: ref.ticketId,
        platform: ref.platform,
        purpose: ref.purpose,
      },
    },
    create: {
      ticketKind: ref.ticketKind,
      ticketId: ref.ticketId,
      platform: ref.platform,
      purpose: ref.purpose,
      ...data,
    },
    update: data,
  });
}
