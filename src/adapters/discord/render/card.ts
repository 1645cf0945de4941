import type { APIEmbed } from "discord-api-types/v10";
import type { Card } from "../../../kernel/views/card.js";
import { renderButtons } from "./buttons.js";
import { intentColors } from "./colors.js";
import { fitEmbedTotal } from "./embed-budget.js";
import { cardFields, moreNotShown } from "./fields.js";
import { embedLimits } from "./limits.js";
import { type DiscordMessage, noMentions } from "./message.js";
import { truncate } from "./truncate.js";

function footerText(
  card: Card,
  droppedFields: number,
  droppedButtons: readonly string[],
): string | undefined {
  const parts = [
    card.context,
    moreNotShown(droppedFields, "field", "fields"),
    droppedButtons.length === 0 ? undefined : `Not shown as buttons: ${droppedButtons.join(", ")}`,
  ].filter((part): part is string => part !== undefined && part.trim() !== "");
  return parts.length === 0 ? undefined : truncate(parts.join(" · "), embedLimits.footer);
}

/**
 * A card as one embed with buttons below it. The badge (status) and subtitle sit above the title as the
 * embed's author line; `context` and notes about anything left out go in the footer; the timestamp is
 * Discord's, shown in each reader's own time zone. Nothing here can make Discord reject the post: texts are
 * cut, and fields or buttons past Discord's counts are dropped with a note in the footer.
 */
export function renderCard(card: Card): DiscordMessage {
  const fields = cardFields(card.fields);
  const shownFields = fields.slice(0, embedLimits.fields);
  const buttons = renderButtons(card.actions, card.links);
  const authorLine = [card.badge?.text, card.subtitle]
    .filter((part) => part !== undefined && part.trim() !== "")
    .join(" · ");
  const footer = footerText(card, fields.length - shownFields.length, buttons.dropped);
  const body = card.body?.trim() ?? "";
  const title = card.title.trim();
  const embed: APIEmbed = {
    ...(title === "" ? {} : { title: truncate(title, embedLimits.title) }),
    color: intentColors[card.badge?.intent ?? "neutral"],
    ...(authorLine === "" ? {} : { author: { name: truncate(authorLine, embedLimits.authorName) } }),
    ...(body === "" ? {} : { description: truncate(body, embedLimits.description) }),
    ...(shownFields.length === 0 ? {} : { fields: shownFields }),
    ...(footer === undefined ? {} : { footer: { text: footer } }),
    ...(card.timestamp === undefined ? {} : { timestamp: card.timestamp.toISOString() }),
  };
  return { embeds: [fitEmbedTotal(embed)], components: buttons.rows, allowed_mentions: noMentions };
}
