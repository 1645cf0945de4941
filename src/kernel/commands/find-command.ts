import { UnknownCommandError } from "../errors.js";
import { closestName } from "./closest-name.js";
import type { CommandRegistry, CommandSpec, SubcommandSpec } from "./command-spec.js";

export function findCommand(registry: CommandRegistry, name: string): CommandSpec {
  const wanted = name.trim().replace(/^\//, "").toLowerCase();
  const found = registry.commands.find((command) => command.name === wanted);
  if (found !== undefined) return found;
  const names = registry.commands.map((command) => command.name);
  const suggestion = closestName(wanted, names);
  const tail =
    suggestion === undefined
      ? `Commands: ${names.map((known) => `/${known}`).join(", ")}.`
      : `Did you mean /${suggestion}?`;
  throw new UnknownCommandError(`/${wanted} is not an OpsDesk command. ${tail}`);
}

export function subcommandNames(command: CommandSpec): string[] {
  return Object.keys(command.subcommands);
}

export function findSubcommand(command: CommandSpec, name: string): SubcommandSpec | undefined {
  return Object.hasOwn(command.subcommands, name) ? command.subcommands[name] : undefined;
}

/** For a subcommand name nobody declared; `hint` offers another reading of the input. */
export function unknownSubcommandError(
  command: CommandSpec,
  typed: string,
  hint?: string,
): UnknownCommandError {
  const suggestion = closestName(typed, subcommandNames(command));
  const guess =
    suggestion === undefined
      ? `Subcommands: ${subcommandNames(command).join(", ")}.`
      : `Did you mean ${suggestion}?`;
  const extra = hint === undefined ? "" : ` ${hint}.`;
  return new UnknownCommandError(
    `"${typed}" is not a subcommand of /${command.name}. ${guess}${extra} See /${command.name} help.`,
  );
}
