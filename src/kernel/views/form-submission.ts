import type { CommandRegistry, ParsedCommandIn } from "../commands/command-spec.js";
import { type OptionValue, parseCommandOptions } from "../commands/parse-options.js";
import type { SubmittedValue } from "./form.js";

export interface FormSubmission {
  /** The submitted form's id, `<command>.<subcommand>`. */
  readonly formId: string;
  readonly hidden: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, SubmittedValue>>;
}

/**
 * Turns a submitted form into the typed command, through the same schemas as typed text and Discord
 * options. Errors are ArgumentErrors whose `argument` is the field id, for showing next to the field.
 */
export function formSubmissionToCommand<R extends CommandRegistry>(
  registry: R,
  submission: FormSubmission,
): ParsedCommandIn<R> {
  const [command = "", subcommand = ""] = submission.formId.split(".");
  // Hidden values win: they name the ticket the form was opened for, whatever the fields say.
  const options: Record<string, OptionValue> = { ...submission.values, ...submission.hidden };
  return parseCommandOptions(registry, { command, subcommand, options });
}
