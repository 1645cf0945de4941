import type { CommandSpec } from "../commands/command-spec.js";
import { findSubcommand } from "../commands/find-command.js";
import type { FormField, SelectOption } from "./form.js";

export interface FieldPresentation {
  readonly label: string;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  /** Defaults to the argument's description. */
  readonly hint?: string;
  readonly initial?: string | boolean;
  /** For arguments whose values are not fixed in the registry, e.g. the configured services. */
  readonly options?: readonly SelectOption[];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * A form field for one command argument. Required-ness, length limits and choices come from the registry,
 * so a form can never accept what the command refuses, or refuse what it accepts.
 */
export function fieldForArgument(
  command: CommandSpec,
  subcommand: string,
  argument: string,
  presentation: FieldPresentation,
): FormField {
  const arg = findSubcommand(command, subcommand)?.args[argument];
  if (arg === undefined) throw new Error(`/${command.name} ${subcommand} has no argument ${argument}`);
  const base = {
    id: argument,
    label: presentation.label,
    required: arg.presence === "required",
    hint: presentation.hint ?? arg.description,
  };
  const initial = presentation.initial ?? arg.defaultValue;
  const placeholder = optional("placeholder", presentation.placeholder);
  if (arg.kind === "boolean") {
    return {
      ...base,
      type: "checkbox",
      ...optional("initial", typeof initial === "boolean" ? initial : undefined),
    };
  }
  const initialText = optional("initial", typeof initial === "string" ? initial : undefined);
  if (arg.kind === "person") return { ...base, type: "person", ...initialText, ...placeholder };
  const options = presentation.options ?? arg.choices;
  if (options !== undefined) return { ...base, type: "select", options, ...initialText, ...placeholder };
  return {
    ...base,
    type: presentation.multiline === true ? "textarea" : "text",
    ...optional("maxLength", arg.maxLength),
    ...initialText,
    ...placeholder,
  };
}
