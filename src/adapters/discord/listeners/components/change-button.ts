import { timezoneOf } from "../../../../kernel/people/person-timezone.js";
import { parseTicketNumber } from "../../../../kernel/tickets/reference.js";
import { changeActionFromId, type Form, formForChangeAction } from "../../../../kernel/views/index.js";
import { runChangeButton } from "../../../../practices/changes/button.js";
import { findChange } from "../../../../practices/changes/find-change.js";
import { CHANGE_PREFIX } from "../../../../practices/changes/model.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { type ActionCustomId, renderForm } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/**
 * A button on a change card or approval prompt. Reject, Close and Cancel open their modal as the first
 * response; the others (Approve, Submit, Start, …) are deferred privately and answered with the outcome.
 */
export async function handleChangeButton(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  id: ActionCustomId,
): Promise<void> {
  const form = await formFor(interaction, deps, id);
  if (form) return interaction.showModal(renderForm(form).modal);
  await deferThenAnswer(interaction, deps, async () => {
    const actor = await discordActor(deps.changes.db, interaction.user);
    return runChangeButton({ platform: "discord", actor, changes: deps.changes }, id.actionId, id.value);
  });
}

async function formFor(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  id: ActionCustomId,
): Promise<Form | undefined> {
  const action = changeActionFromId(id.actionId);
  const number = parseTicketNumber(CHANGE_PREFIX, id.value);
  if (!action || number === undefined) return undefined;
  try {
    const actor = await discordActor(deps.changes.db, interaction.user);
    const timezone = await timezoneOf(deps.changes.db, actor.person.id, deps.changes.timezone);
    return formForChangeAction(action, await findChange(deps.changes.db, number), timezone);
  } catch {
    // An unknown change is explained privately by the command path.
    return undefined;
  }
}
