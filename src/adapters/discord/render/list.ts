import type { APIEmbed } from "discord-api-types/v10";
import type { List, ListItem } from "../../../kernel/views/list.js";
import { intentColors } from "./colors.js";
import { fitEmbedTotal } from "./embed-budget.js";
import { embedField, moreNotShown } from "./fields.js";
import { embedLimits } from "./limits.js";
import { type DiscordMessage, noMentions } from "./message.js";
import { truncate } from "./truncate.js";

function itemLine(item: ListItem): string {
  return item.fields.map((field) => `${field.label}: ${field.value}`).join(" · ");
}

/**
 * A list as one embed with a field per item (`INC-7 · Payments down` over `Status: … · Priority: …`).
 * Discord allows 25 fields; past that the footer says how many were left out. The colour follows the most
 * pressing item, so a list with a P1 in it stands out.
 */
export function renderList(list: List): DiscordMessage {
  const shown = list.items.slice(0, embedLimits.fields);
  const pressing = (["danger", "warning", "success"] as const).find((intent) =>
    list.items.some((item) => item.intent === intent),
  );
  const footer = moreNotShown(list.items.length - shown.length, "item", "items");
  const embed: APIEmbed = {
    title: truncate(list.title.trim(), embedLimits.title),
    color: intentColors[pressing ?? "neutral"],
    ...(shown.length === 0
      ? { description: truncate(list.emptyText, embedLimits.description) }
      : { fields: shown.map((item) => embedField(`${item.ref} · ${item.title}`, itemLine(item))) }),
    ...(footer === undefined ? {} : { footer: { text: footer } }),
  };
  return { embeds: [fitEmbedTotal(embed)], components: [], allowed_mentions: noMentions };
}
