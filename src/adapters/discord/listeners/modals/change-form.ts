import { runChangeCommand } from "../../../../practices/changes/handler.js";
import type { DiscordInteraction } from "../../interaction.js";
import type { DiscordListenerDeps } from "../deps.js";
import { answerModal } from "./answer-modal.js";

/** A submitted change modal (request, reject, close, cancel) runs the same typed command as the options. */
export async function handleChangeForm(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  await answerModal(interaction, deps, (command, actor) => {
    if (command.command !== "change") throw new Error("a change form produced another command");
    return runChangeCommand({ platform: "discord", actor, changes: deps.changes }, command);
  });
}
