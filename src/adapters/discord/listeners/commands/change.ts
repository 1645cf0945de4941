import { parseCommandOptions } from "../../../../kernel/commands/index.js";
import { runChangeCommand } from "../../../../practices/changes/handler.js";
import { openChangeCreateForm, wantsChangeForm } from "../../../../practices/changes/open-create-form.js";
import { commandRegistry } from "../../../../practices/registry.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { renderForm } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

function isBareNew(interaction: DiscordInteraction): boolean {
  const options = interaction.options as { title?: string; start?: string; template?: string };
  const newish = interaction.subcommand === undefined || interaction.subcommand === "new";
  return (
    newish &&
    wantsChangeForm({
      ...(typeof options.title === "string" ? { title: options.title } : {}),
      ...(typeof options.start === "string" ? { start: options.start } : {}),
      ...(typeof options.template === "string" ? { template: options.template } : {}),
    })
  );
}

/**
 * `/change <subcommand> [options]`: typed options go through the same registry schemas as Slack's text.
 * `/change new` without a title, start or template opens the form, as Discord's first response.
 */
export async function handleChangeCommand(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  if (isBareNew(interaction)) {
    const actor = await discordActor(deps.changes.db, interaction.user);
    const form = await openChangeCreateForm(deps.changes, actor);
    await interaction.showModal(renderForm(form).modal);
    return;
  }
  await deferThenAnswer(interaction, deps, async () => {
    const parsed = parseCommandOptions(commandRegistry, {
      command: "change",
      ...(interaction.subcommand ? { subcommand: interaction.subcommand } : {}),
      options: interaction.options,
    });
    if (parsed.command !== "change") throw new Error("the /change options returned another command");
    const actor = await discordActor(deps.changes.db, interaction.user);
    return runChangeCommand({ platform: "discord", actor, changes: deps.changes }, parsed);
  });
}
