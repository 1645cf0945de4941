import type { OptionValue } from "../kernel/commands/parse-options.js";
import type { Platform } from "../kernel/people/actor.js";
import type { ChatMessage } from "../kernel/practice.js";
import type { FormSubmission } from "../kernel/views/form-submission.js";

/**
 * One thing a person did in chat, in neutral terms: every adapter turns its platform's payload into one of
 * these and hands it to the desk. Nothing here names a practice.
 */
export type Interaction =
  /** A slash command as typed text (Slack, the console): `/incident ack INC-7`. */
  | { readonly kind: "command_text"; readonly command: string; readonly text: string }
  /** A slash command with typed options (Discord). */
  | {
      readonly kind: "command_options";
      readonly command: string;
      readonly subcommand?: string | undefined;
      readonly options: Readonly<Record<string, OptionValue>>;
    }
  /** A button on a card or prompt: the action id and the value it carries (the ticket). */
  | { readonly kind: "button"; readonly actionId: string; readonly value: string }
  /** A submitted form. */
  | { readonly kind: "form"; readonly submission: FormSubmission }
  /** An action on a chat message ("Raise incident"). */
  | { readonly kind: "message_action"; readonly actionId: string; readonly message: ChatMessage };

/** An interaction with who sent it, from where, and the key that makes a redelivery act once. */
export interface DeskRequest {
  readonly platform: Platform;
  /** The platform's own user id and name; the desk resolves the person behind them. */
  readonly user: { readonly id: string; readonly name?: string | undefined };
  readonly interaction: Interaction;
  /**
   * Claimed before acting: a second request with the same key (a platform retry, a replay, a double submit)
   * does nothing and answers nothing. Absent for work that changes nothing, like opening a form.
   */
  readonly claimKey?: string | undefined;
}
