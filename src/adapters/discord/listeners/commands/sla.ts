import { parseCommandOptions } from "../../../../kernel/commands/index.js";
import { runSlaCommand } from "../../../../practices/incidents/sla/handler.js";
import { commandRegistry } from "../../../../practices/registry.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/** `/sla show ref:INC-7`, `/sla report period:30d service:payments`: typed options, answered privately. */
export async function handleSlaCommand(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  await deferThenAnswer(interaction, deps, async () => {
    const parsed = parseCommandOptions(commandRegistry, {
      command: "sla",
      ...(interaction.subcommand ? { subcommand: interaction.subcommand } : {}),
      options: interaction.options,
    });
    if (parsed.command !== "sla") throw new Error("the /sla options returned another command");
    const actor = await discordActor(deps.incidents.db, interaction.user);
    return runSlaCommand({ platform: "discord", actor, incidents: deps.incidents, sla: deps.sla }, parsed);
  });
}
