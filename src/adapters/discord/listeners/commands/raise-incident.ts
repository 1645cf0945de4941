import { prefillFromMessage } from "../../../../core/views/index.js";
import { openIncidentCreateForm } from "../../../../interactions/open-create-form.js";
import { type DiscordInteraction, jumpLink } from "../../interaction.js";
import { renderForm } from "../../render/index.js";
import type { DiscordListenerDeps } from "../deps.js";

/**
 * Message context menu "Raise incident": the create form prefilled with the message and a jump link back.
 * Interactions carry the target message's content even without the privileged MessageContent intent.
 */
export async function handleRaiseIncident(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  const target = interaction.targetMessage;
  const text = target?.content ?? "";
  const link = target ? jumpLink(interaction.guildId, interaction.channelId, target.id) : "";
  const form = await openIncidentCreateForm(
    deps.incidents.db,
    prefillFromMessage(text, link ? { label: "From Discord", url: link } : undefined),
  );
  await interaction.showModal(renderForm(form).modal);
}
