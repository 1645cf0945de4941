import { commandRegistry } from "../../../../core/commands/registry.js";
import { formSubmissionToCommand } from "../../../../core/views/index.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runChangeCommand } from "../../../../interactions/run-change-command.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { modalToFormSubmission } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/** A submitted change modal (request, reject, close, cancel) runs the same typed command as the options. */
export async function handleChangeForm(
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
      if (command.command !== "change") throw new Error("a change form produced another command");
      const actor = await discordActor(deps.changes.db, interaction.user);
      return runChangeCommand({ platform: "discord", actor, changes: deps.changes }, command);
    },
    { asFieldErrors: true },
  );
}
