import type { Actor } from "../../../../kernel/people/actor.js";
import { formSubmissionToCommand } from "../../../../kernel/views/index.js";
import type { Reply } from "../../../../kernel/views/reply.js";
import { commandRegistry, type ParsedCommand } from "../../../../practices/registry.js";
import { discordActor } from "../../identity.js";
import type { DiscordInteraction } from "../../interaction.js";
import { modalToFormSubmission } from "../../render/index.js";
import { deferThenAnswer } from "../answer.js";
import type { DiscordListenerDeps } from "../deps.js";

/**
 * The part every submitted `f:` modal shares: it becomes the same typed command as the options. Discord
 * closes a modal on submit and cannot show errors next to its fields (unlike Slack), so an invalid field is
 * named in the private answer.
 */
export async function answerModal(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  run: (command: ParsedCommand, actor: Actor) => Promise<Reply>,
): Promise<void> {
  await deferThenAnswer(
    interaction,
    deps,
    async (): Promise<Reply> => {
      const submission = modalToFormSubmission(interaction);
      if (!submission) throw new Error(`modal ${interaction.customId} is not an OpsDesk form`);
      const command = formSubmissionToCommand(commandRegistry, submission);
      const actor = await discordActor(deps.incidents.db, interaction.user);
      return run(command, actor);
    },
    { asFieldErrors: true },
  );
}
