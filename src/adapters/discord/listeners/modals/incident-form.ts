import { runIncidentCommand } from "../../../../practices/incidents/handler.js";
import type { DiscordInteraction } from "../../interaction.js";
import type { DiscordListenerDeps } from "../deps.js";
import { answerModal } from "./answer-modal.js";

/** A submitted incident modal (create, or an action that asks for input: note, resolve, hold…). */
export async function handleIncidentForm(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  await answerModal(interaction, deps, (command, actor) => {
    if (command.command !== "incident") throw new Error("an incident form produced another command");
    return runIncidentCommand({ platform: "discord", actor, incidents: deps.incidents }, command);
  });
}
