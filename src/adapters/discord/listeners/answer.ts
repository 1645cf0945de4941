import { errorReply } from "../../../desk/error-reply.js";
import type { Reply } from "../../../kernel/views/reply.js";
import { deliverDiscordReply } from "../deliver-reply.js";
import type { DiscordInteraction } from "../interaction.js";
import { claimInteraction } from "./claim.js";
import type { DiscordListenerDeps } from "./deps.js";

/**
 * Acknowledge first (principle 7): defer privately within Discord's 3 s, then claim the interaction (a
 * replayed delivery stops here, having changed nothing), do the work and edit the deferred reply with what
 * happened. Any failure becomes a private explanation.
 */
export async function deferThenAnswer(
  interaction: DiscordInteraction,
  deps: DiscordListenerDeps,
  work: () => Promise<Reply>,
  options: { asFieldErrors?: boolean } = {},
): Promise<void> {
  await interaction.defer();
  if (!(await claimInteraction(interaction, deps))) return;
  let reply: Reply;
  try {
    reply = await deps.work(work);
  } catch (error) {
    reply = errorReply(error, deps.log, options);
  }
  await deliverDiscordReply(reply, interaction);
}
