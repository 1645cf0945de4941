import type { Card, List, Notice } from "../../../core/views/index.js";
import { reviveCard } from "../../../notifications/card-payload.js";

/** What a console message shows: a neutral view, or a plain line (thread replies, links). */
export type ConsoleContent =
  | { kind: "card"; view: Card }
  | { kind: "list"; view: List }
  | { kind: "notice"; view: Notice }
  | { kind: "text"; text: string };

/** A stored console message as the rest of the adapter sees it. */
export interface ConsoleMessage {
  id: number;
  channelId: string;
  /** The card this line replies to, or null for a message in the channel. */
  threadOfId: number | null;
  /** The only person who sees it (a private reply), or null. */
  audienceId: string | null;
  content: ConsoleContent;
  /** Thread replies under it, for messages in a channel. */
  replyCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredRow {
  id: number;
  channelId: string;
  threadOfId: number | null;
  audienceId: string | null;
  kind: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export function encodeContent(content: ConsoleContent): { kind: string; body: string } {
  return content.kind === "text"
    ? { kind: "text", body: JSON.stringify({ text: content.text }) }
    : { kind: content.kind, body: JSON.stringify(content.view) };
}

export function decodeRow(row: StoredRow, replyCount: number): ConsoleMessage {
  const parsed = JSON.parse(row.body) as unknown;
  const content: ConsoleContent =
    row.kind === "card"
      ? { kind: "card", view: reviveCard(parsed as Card) }
      : row.kind === "list"
        ? { kind: "list", view: parsed as List }
        : row.kind === "notice"
          ? { kind: "notice", view: parsed as Notice }
          : { kind: "text", text: String((parsed as { text?: unknown }).text ?? "") };
  return {
    id: row.id,
    channelId: row.channelId,
    threadOfId: row.threadOfId,
    audienceId: row.audienceId,
    content,
    replyCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
