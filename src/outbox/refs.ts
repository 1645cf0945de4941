import type { Db, Tx } from "../db/client.js";
import type { ChatPlatform, ChatRefKey } from "./message.js";

/** Where one of a ticket's messages lives in chat. */
export interface ChatMessageRefRecord extends ChatRefKey {
  platform: ChatPlatform;
  channelId: string;
  messageId: string;
  threadId: string | null;
}

/** Read access to the references, for transports that update or reply to a message posted earlier. */
export interface RefStore {
  find(platform: ChatPlatform, key: ChatRefKey): Promise<ChatMessageRefRecord | null>;
}

export function databaseRefStore(db: Db): RefStore {
  return {
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
