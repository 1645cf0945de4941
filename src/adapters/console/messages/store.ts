import type { Db, Tx } from "../../../db/client.js";
import type { Clock } from "../../../kernel/clock.js";
import {
  type ConsoleContent,
  type ConsoleMessage,
  decodeRow,
  encodeContent,
  type StoredRow,
} from "./message.js";

export interface NewConsoleMessage {
  channelId: string;
  content: ConsoleContent;
  threadOfId?: number | null;
  audienceId?: string | null;
  /** The outbox row's key: posting the same row twice returns the first message. */
  idempotencyKey?: string;
}

/** How many messages a channel shows; older ones stay in the database. */
const channelPage = 200;

/**
 * The console's messages in the database: what the outbox delivered to the console and the private
 * replies people got. Every write runs in a transaction (SQLite has one connection; see src/db/client.ts).
 * Listeners hear about each write so live pages update.
 */
export class ConsoleMessageStore {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #listeners = new Set<(message: ConsoleMessage) => void>();

  constructor(db: Db, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  onWrite(listener: (message: ConsoleMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Posts a message (once per idempotency key). One transaction reads what live pages need: for a thread
   * reply, its card with the new reply count, so the count on the page moves too.
   */
  async post(input: NewConsoleMessage): Promise<ConsoleMessage> {
    const { kind, body } = encodeContent(input.content);
    const at = this.#clock.now();
    const written = await this.#db.$transaction(async (tx) => {
      if (input.idempotencyKey !== undefined) {
        const existing = await tx.consoleMessage.findUnique({
          where: { idempotencyKey: input.idempotencyKey },
        });
        if (existing) return { message: decodeRow(existing, await repliesTo(tx, existing)), changed: [] };
      }
      const created = await tx.consoleMessage.create({
        data: {
          channelId: input.channelId,
          threadOfId: input.threadOfId ?? null,
          audienceId: input.audienceId ?? null,
          kind,
          body,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: at,
          updatedAt: at,
        },
      });
      const message = decodeRow(created, 0);
      const parent =
        created.threadOfId === null
          ? null
          : await tx.consoleMessage.findUnique({ where: { id: created.threadOfId } });
      const changed = parent ? [message, decodeRow(parent, await repliesTo(tx, parent))] : [message];
      return { message, changed };
    });
    for (const message of written.changed) this.#notify(message);
    return written.message;
  }

  /** Replaces a message's content (a card updated in place); null when no such message exists. */
  async update(id: number, content: ConsoleContent): Promise<ConsoleMessage | null> {
    const { kind, body } = encodeContent(content);
    const message = await this.#db.$transaction(async (tx) => {
      const found = await tx.consoleMessage.findUnique({ where: { id }, select: { id: true } });
      if (!found) return null;
      const row = await tx.consoleMessage.update({
        where: { id },
        data: { kind, body, updatedAt: this.#clock.now() },
      });
      return decodeRow(row, await repliesTo(tx, row));
    });
    if (message) this.#notify(message);
    return message;
  }

  async find(id: number): Promise<ConsoleMessage | null> {
    return this.#db.$transaction(async (tx) => {
      const row = await tx.consoleMessage.findUnique({ where: { id } });
      return row ? decodeRow(row, await repliesTo(tx, row)) : null;
    });
  }

  /** The latest messages in a channel that this person may see, oldest first. */
  async channel(channelId: string, viewerId: string): Promise<ConsoleMessage[]> {
    const rows = await this.#db.$transaction((tx) =>
      tx.consoleMessage.findMany({
        where: { channelId, threadOfId: null, OR: [{ audienceId: null }, { audienceId: viewerId }] },
        orderBy: { id: "desc" },
        take: channelPage,
      }),
    );
    return this.#decodeAll(rows.reverse());
  }

  /** A message and the replies in its thread, oldest first; null when the message does not exist. */
  async thread(
    id: number,
    viewerId: string,
  ): Promise<{ root: ConsoleMessage; replies: ConsoleMessage[] } | null> {
    const root = await this.find(id);
    if (!root || (root.audienceId !== null && root.audienceId !== viewerId)) return null;
    const rows = await this.#db.$transaction((tx) =>
      tx.consoleMessage.findMany({ where: { threadOfId: id }, orderBy: { id: "asc" } }),
    );
    return { root, replies: rows.map((row) => decodeRow(row, 0)) };
  }

  /** Every private reply a person got, oldest first. */
  async privateTo(viewerId: string): Promise<ConsoleMessage[]> {
    const rows = await this.#db.$transaction((tx) =>
      tx.consoleMessage.findMany({
        where: { audienceId: viewerId },
        orderBy: { id: "desc" },
        take: channelPage,
      }),
    );
    return this.#decodeAll(rows.reverse());
  }

  /** Channels that have messages (major incident rooms appear this way). */
  async channelIds(): Promise<string[]> {
    const rows = await this.#db.$transaction((tx) =>
      tx.consoleMessage.findMany({
        distinct: ["channelId"],
        select: { channelId: true },
        orderBy: { channelId: "asc" },
      }),
    );
    return rows.map((row) => row.channelId);
  }

  async #decodeAll(rows: StoredRow[]): Promise<ConsoleMessage[]> {
    const ids = rows.map((row) => row.id);
    const counts = await this.#db.$transaction((tx) =>
      tx.consoleMessage.groupBy({
        by: ["threadOfId"],
        where: { threadOfId: { in: ids } },
        _count: { _all: true },
      }),
    );
    const byId = new Map(counts.map((c) => [c.threadOfId, c._count._all]));
    return rows.map((row) => decodeRow(row, byId.get(row.id) ?? 0));
  }

  #notify(message: ConsoleMessage): void {
    for (const listener of this.#listeners) listener(message);
  }
}

/** Replies under a message in the channel; thread replies have none of their own. */
async function repliesTo(tx: Tx, row: StoredRow): Promise<number> {
  return row.threadOfId === null ? tx.consoleMessage.count({ where: { threadOfId: row.id } }) : 0;
}
