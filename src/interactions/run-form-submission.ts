import { commandRegistry } from "../core/commands/registry.js";
import { type FormSubmission, formSubmissionToCommand } from "../core/views/index.js";
import type { InteractionContext } from "./context.js";
import type { Reply } from "./reply.js";
import { runIncidentCommand } from "./run-incident-command.js";

/**
 * A submitted form runs the same typed command as the text grammar. Invalid fields are reported by the
 * caller (errorReply with asFieldErrors) next to the field, keeping what the person typed.
 */
export async function runFormSubmission(ctx: InteractionContext, submission: FormSubmission): Promise<Reply> {
  const command = formSubmissionToCommand(commandRegistry, submission);
  return runIncidentCommand(ctx, command);
}
