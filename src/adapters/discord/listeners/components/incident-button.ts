import { ButtonStyle, ComponentType } from "discord.js";
import type { Form } from "../../../../kernel/views/index.js";
import {
  formForIncidentAction,
  incidentActionFromId,
  incidentActionPresentation,
} from "../../../../kernel/views/index.js";
import { runIncidentButton } from "../../../../practices/incidents/button.js";
import { findIncident, parseIncidentRef } from "../../../../practices/incidents/find-incident.js";
import type { IncidentAction } from "../../../../practices/incidents/model.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { type ActionCustomId, encodeActionCustomId, renderForm } from "../../render/index.js";
import { noMentions } from "../../render/message.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/**
 * A button on an incident card. The custom_id carries the action and the ticket ref (never the message
 * text). Actions that need input open their modal as the first response; the lookup that decides it is
 * one indexed read. `c:` buttons ask first, because Discord buttons have no confirm dialog.
 */
export async function handleIncidentButton(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  id: ActionCustomId,
): Promise<void> {
  const action = incidentActionFromId(id.actionId);
  if (id.confirm && action) return askToConfirm(interaction, action, id);
  const form = action ? await formFor(deps, action, id.value) : undefined;
  if (form) return interaction.showModal(renderForm(form).modal);
  await deferThenAnswer(interaction, deps, async () => {
    const actor = await discordActor(deps.incidents.db, interaction.user);
    return runIncidentButton(
      { platform: "discord", actor, incidents: deps.incidents },
      id.actionId,
      id.value,
    );
  });
}

async function formFor(
  deps: DiscordListenerDeps,
  action: IncidentAction,
  ref: string,
): Promise<Form | undefined> {
  try {
    return formForIncidentAction(action, await findIncident(deps.incidents.db, parseIncidentRef(ref)));
  } catch {
    // An unknown ticket is explained privately by the command path.
    return undefined;
  }
}

/** The question, privately, with the same action as an `a:` button that runs without asking again. */
async function askToConfirm(
  interaction: DiscordInteraction,
  action: IncidentAction,
  id: ActionCustomId,
): Promise<void> {
  const presentation = incidentActionPresentation[action];
  await interaction.defer();
  await interaction.edit({
    content: `❓ ${presentation.confirm ?? "Are you sure?"}`,
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: presentation.label,
            custom_id: encodeActionCustomId({ actionId: id.actionId, value: id.value, confirm: false }),
          },
        ],
      },
    ],
    allowed_mentions: noMentions,
  });
}
