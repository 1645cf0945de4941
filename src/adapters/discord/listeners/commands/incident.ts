import { parseCommandOptions } from "../../../../kernel/commands/index.js";
import { runIncidentCommand } from "../../../../practices/incidents/handler.js";
import { openIncidentCreateForm } from "../../../../practices/incidents/open-create-form.js";
import { commandRegistry } from "../../../../practices/registry.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { renderForm } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/** Discord requires `title` for `new`, but a bare `/incident new` is still reachable from old clients. */
function wantsCreateForm(interaction: DiscordInteraction): boolean {
  const bare = Object.values(interaction.options).every((value) => value === undefined || value === "");
  return bare && (interaction.subcommand === undefined || interaction.subcommand === "new");
}

/**
 * `/incident <subcommand> [options]`: typed options go through the same registry schemas as Slack's text.
 * With nothing to go on, the create form opens; that is decided before anything slow, since a modal must
 * be Discord's first (and 3-second) response.
 */
export async function handleIncidentCommand(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  if (wantsCreateForm(interaction)) {
    const form = await openIncidentCreateForm(deps.incidents.db);
    await interaction.showModal(renderForm(form).modal);
    return;
  }
  await deferThenAnswer(interaction, deps, async () => {
    const parsed = parseCommandOptions(commandRegistry, {
      command: "incident",
      ...(interaction.subcommand ? { subcommand: interaction.subcommand } : {}),
      options: interaction.options,
    });
    if (parsed.command !== "incident") throw new Error("the /incident options returned another command");
    const actor = await discordActor(deps.incidents.db, interaction.user);
    return runIncidentCommand({ platform: "discord", actor, incidents: deps.incidents }, parsed);
  });
}
