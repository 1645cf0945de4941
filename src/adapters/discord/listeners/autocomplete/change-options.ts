import { activeChangeStatuses, CHANGE_PREFIX } from "../../../../practices/changes/model.js";
import type { DiscordInteraction } from "../../interaction.js";
import { truncate } from "../../render/index.js";
import type { DiscordListenerDeps } from "../deps.js";

// Discord shows at most 25 choices, each name and value at most 100 characters.
const maxChoices = 25;
const choiceText = 100;

/** Suggestions while typing a change reference: active changes by number or title. */
export async function handleChangeAutocomplete(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  const focused = interaction.focused;
  if (focused?.name !== "ref") return interaction.respondChoices([]);
  const typed = focused.value.trim();
  const digits = typed.replace(new RegExp(`^${CHANGE_PREFIX}-?`, "i"), "");
  const changes = await deps.changes.db.change.findMany({
    where: { status: { in: [...activeChangeStatuses, "review"] } },
    orderBy: { number: "desc" },
    take: 200,
    select: { number: true, title: true },
  });
  const choices = changes
    .filter((c) => String(c.number).startsWith(digits) || c.title.toLowerCase().includes(typed.toLowerCase()))
    .slice(0, maxChoices)
    .map((c) => {
      const ref = `${CHANGE_PREFIX}-${c.number}`;
      return { name: truncate(`${ref} ${c.title}`, choiceText), value: ref };
    });
  await interaction.respondChoices(choices);
}
