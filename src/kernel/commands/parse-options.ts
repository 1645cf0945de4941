import type { CommandRegistry, ParsedCommandIn } from "./command-spec.js";
import { findCommand, findSubcommand, unknownSubcommandError } from "./find-command.js";
import { validateArgs } from "./validate-args.js";

export type OptionValue = string | number | boolean | null | undefined;

/** What platforms with typed commands send: Discord's subcommand and its named options. */
export interface CommandOptions {
  readonly command: string;
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
}

/**
 * Builds the typed command from named options, through the same schemas as the text grammar, so
 * `/incident new title:… impact:high` from Discord equals `/incident … impact:high` from Slack.
 */
export function parseCommandOptions<R extends CommandRegistry>(
  registry: R,
  input: CommandOptions,
): ParsedCommandIn<R> {
  const command = findCommand(registry, input.command);
  const name = input.subcommand?.trim().toLowerCase() ?? command.defaultSubcommand ?? "";
  if (findSubcommand(command, name) === undefined) throw unknownSubcommandError(command, name);
  // validateArgs built it from the same declaration that defines ParsedCommandIn<R>.
  return validateArgs(command, name, input.options ?? {}) as ParsedCommandIn<R>;
}
