import type { APIEmbed } from "discord-api-types/v10";
import { embedLimits } from "./limits.js";
import { truncate } from "./truncate.js";

/** What Discord counts towards the 6000-character total of a message's embeds. */
export function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** The largest cap such that every length capped at it sums to no more than `budget`. */
function fairCap(lengths: readonly number[], budget: number): number {
  let low = 0;
  let high = Math.max(0, ...lengths);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const total = lengths.reduce((sum, length) => sum + Math.min(length, mid), 0);
    if (total <= budget) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Each piece already respects its own limit, but together they may pass the 6000 total (a long
 * description beside long notes, or 25 long list entries). Title, author line and footer stay whole: they
 * say what the card is and what was left out. The description and field texts share what remains fairly:
 * one cap for all, so the longest texts give way first and short ones (status, priority) stay intact.
 * Title, footer and author hold at most 2560 characters, leaving 3440 for at most 51 texts: the cap never
 * falls below 67 characters, so no field goes blank.
 */
export function fitEmbedTotal(embed: APIEmbed): APIEmbed {
  if (embedSize(embed) <= embedLimits.total) return embed;
  const fixed =
    (embed.title?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  const fields = embed.fields ?? [];
  const flexible = [
    embed.description?.length ?? 0,
    ...fields.flatMap((field) => [field.name.length, field.value.length]),
  ];
  const cap = fairCap(flexible, embedLimits.total - fixed);
  const { description, ...rest } = embed;
  const cutDescription = description === undefined ? "" : truncate(description, cap);
  return {
    ...rest,
    ...(cutDescription === "" ? {} : { description: cutDescription }),
    ...(embed.fields === undefined
      ? {}
      : {
          fields: fields.map((field) => ({
            ...field,
            name: truncate(field.name, cap),
            value: truncate(field.value, cap),
          })),
        }),
  };
}
