import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIComponentInMessageActionRow,
  APIEmbed,
  MessageFlags,
} from "discord-api-types/v10";

export type MessageActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * A message body that fits both `POST /channels/{id}/messages` and an interaction callback's `data`
 * (and `PATCH` edits), so the outbox and listeners can send it unchanged.
 */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: MessageActionRow[];
  allowed_mentions: APIAllowedMentions;
  flags?: MessageFlags.Ephemeral;
}

/**
 * Titles, notes and descriptions are user text: a pasted "@everyone" or role mention must not ping a
 * whole server when the card is posted or updated.
 */
export const noMentions: APIAllowedMentions = { parse: [] };
