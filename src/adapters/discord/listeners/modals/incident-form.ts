import { commandRegistry } from "../../../../core/commands/registry.js";
import { formSubmissionToCommand } from "../../../../core/views/index.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runIncidentCommand } from "../../../../interactions/run-incident-command.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { modalToFormSubmission } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/**
 * A submitted `f:` modal runs the same typed command as the options. Discord closes a modal on submit and
 * cannot show errors next to its fields (unlike Slack), so an invalid field is named in the private answer.
 */
export async function handleIncidentForm(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
): Promise<void> {
  await deferThenAnswer(
    interaction,
    deps,
    async (): Promise<Reply> => {
      const submission = modalToFormSubmission(interaction);
      if (!submission) throw new Error(`modal ${interaction.customId} is not an OpsDesk form`);
      const command = formSubmissionToCommand(commandRegistry, submission);
      if (command.command !== "incident") throw new Error("an incident form produced another command");
      const actor = await discordActor(deps.incidents.db, interaction.user);
      return runIncidentCommand({ platform: "discord", actor, incidents: deps.incidents }, command);
    },
    { asFieldErrors: true },
  );
}
