import { incidentLimits } from "../../../../practices/incidents/model.js";
import { openIncidentCreateForm } from "../../../../practices/incidents/open-create-form.js";
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
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const description = [text, link ? `From Discord: ${link}` : ""].filter(Boolean).join("\n\n");
  const form = await openIncidentCreateForm(deps.incidents.db, {
    title: firstLine.slice(0, incidentLimits.titleMax),
    description: description.slice(0, incidentLimits.descriptionMax),
  });
  await interaction.showModal(renderForm(form).modal);
}
