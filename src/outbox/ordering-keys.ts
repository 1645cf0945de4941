import type { ChatPlatform } from "./message.js";

/**
 * Ordering keys say which messages must arrive in order. Only messages with the same key are ordered;
 * everything else is delivered in parallel. The producer picks the narrowest key that keeps the story
 * straight for the reader.
 */

/** Everything posted to one channel, e.g. `slack:C123`: announcements read top to bottom. */
export function channelOrderingKey(platform: ChatPlatform, channelId: string): string {
  return `${platform}:${channelId}`;
}

/** One ticket card and its updates, e.g. `card:incident:7:slack`: an update never overtakes the post. */
export function cardOrderingKey(ticketKind: string, ticketId: number, platform: ChatPlatform): string {
  return `card:${ticketKind}:${ticketId}:${platform}`;
}
