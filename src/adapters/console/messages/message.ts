import type { Card } from "../../../kernel/views/card.js";
import type { ImageView } from "../../../kernel/views/image.js";
import type { List } from "../../../kernel/views/list.js";
import type { Notice } from "../../../kernel/views/notice.js";
import { reviveCard } from "../../../outbox/card-payload.js";

/**
 * What a console message shows: a neutral view, a plain line from OpsDesk (thread replies, links), or
 * something a person wrote in the channel (which anyone can raise an incident from).
 */
export type ConsoleContent =
  | { kind: "card"; view: Card }
  /** A card with a line above it (an SLA warning or breach), mentioning people by console id. */
  | { kind: "alert"; view: Card; headline: string; mentions: string[] }
  | { kind: "list"; view: List }
  | { kind: "notice"; view: Notice }
  | { kind: "text"; text: string }
  /** A chart with its numbers as text beside it. */
  | { kind: "image"; view: ImageView; text: string }
  | { kind: "chat"; text: string; authorId: string; authorName: string };

/** A stored console message as the rest of the adapter sees it. */
export interface ConsoleMessage {
  id: number;
  channelId: string;
  /** The card this line replies to, or null for a message in the channel. */
  threadOfId: number | null;
  /** The only person who sees it (a private reply), or null for everyone in the channel. */
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
  switch (content.kind) {
    case "text":
      return { kind: "text", body: JSON.stringify({ text: content.text }) };
    case "chat": {
      const { text, authorId, authorName } = content;
      return { kind: "chat", body: JSON.stringify({ text, authorId, authorName }) };
    }
    case "alert": {
      const { view, headline, mentions } = content;
      return { kind: "alert", body: JSON.stringify({ card: view, headline, mentions }) };
    }
    case "image":
      return { kind: "image", body: JSON.stringify({ image: content.view, text: content.text }) };
    default:
      return { kind: content.kind, body: JSON.stringify(content.view) };
  }
}

function decodeContent(kind: string, parsed: unknown): ConsoleContent {
  const fields = parsed as {
    text?: unknown;
    authorId?: unknown;
    authorName?: unknown;
    card?: Card;
    headline?: unknown;
    mentions?: unknown;
  };
  switch (kind) {
    case "card":
      return { kind: "card", view: reviveCard(parsed as Card) };
    case "list":
      return { kind: "list", view: parsed as List };
    case "alert":
      return {
        kind: "alert",
        view: reviveCard(fields.card as Card),
        headline: String(fields.headline ?? ""),
        mentions: Array.isArray(fields.mentions) ? fields.mentions.map(String) : [],
      };
    case "notice":
      return { kind: "notice", view: parsed as Notice };
    case "image":
      return {
        kind: "image",
        view: (parsed as { image: ImageView }).image,
        text: String(fields.text ?? ""),
      };
    case "chat":
      return {
        kind: "chat",
        text: String(fields.text ?? ""),
        authorId: String(fields.authorId ?? ""),
        authorName: String(fields.authorName ?? ""),
      };
    default:
      return { kind: "text", text: String(fields.text ?? "") };
  }
}

export function decodeRow(row: StoredRow, replyCount: number): ConsoleMessage {
  const content = decodeContent(row.kind, JSON.parse(row.body) as unknown);
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
