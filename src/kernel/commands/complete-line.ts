import type { AnyArgSpec } from "./argument.js";
import type { CommandRegistry, CommandSpec, SubcommandSpec } from "./command-spec.js";
import { findSubcommand } from "./find-command.js";

/** One way to continue what was typed: the whole line with the suggestion in place, and what it means. */
export interface Completion {
  readonly text: string;
  readonly label: string;
}

/** Values that live in the database rather than the registry: open tickets, services, people. */
export interface CompletionValue {
  readonly value: string;
  readonly label: string;
}

export type CompletionValues = (arg: AnyArgSpec, typed: string) => readonly CompletionValue[];

const noValues: CompletionValues = () => [];
const maxCompletions = 25;

function startsWith(candidate: string, typed: string): boolean {
  return candidate.toLowerCase().startsWith(typed.toLowerCase());
}

/**
 * Completes a slash-command line from the registry, the way a chat client offers commands, subcommands and
 * `key:` options as you type, with the choices of the argument being typed. Works on the last word only:
 * everything before it is kept as typed, so completing never rewrites what the person wrote.
 */
export function completeCommandLine(
  registry: CommandRegistry,
  line: string,
  values: CompletionValues = noValues,
): Completion[] {
  if (!line.startsWith("/")) line = `/${line}`;
  const space = line.search(/\s/);
  if (space === -1) {
    const typed = line.slice(1);
    return registry.commands
      .filter((command) => startsWith(command.name, typed))
      .map((command) => ({ text: `/${command.name} `, label: command.description }));
  }
  const command = registry.commands.find((c) => c.name === line.slice(1, space).toLowerCase());
  if (command === undefined) return [];
  const lastSpace = Math.max(line.lastIndexOf(" "), line.lastIndexOf("\t"), line.lastIndexOf("\n"));
  const before = line.slice(0, lastSpace + 1);
  const current = line.slice(lastSpace + 1);
  const words = line
    .slice(space, lastSpace + 1)
    .split(/\s+/)
    .filter((word) => word !== "");
  return suggestionsFor(command, words, current, values)
    .slice(0, maxCompletions)
    .map((s) => ({ text: `${before}${s.text}`, label: s.label }));
}

function suggestionsFor(
  command: CommandSpec,
  words: readonly string[],
  current: string,
  values: CompletionValues,
): Completion[] {
  const [first] = words;
  if (first === undefined) {
    return Object.entries(command.subcommands)
      .filter(([name]) => startsWith(name, current))
      .map(([name, sub]) => ({ text: `${name} `, label: sub.description }));
  }
  const named = findSubcommand(command, first.toLowerCase());
  const sub = named ?? findDefault(command);
  if (sub === undefined) return [];
  return argumentSuggestions(sub, named === undefined ? words : words.slice(1), current, values);
}

function findDefault(command: CommandSpec): SubcommandSpec | undefined {
  return command.defaultSubcommand === undefined
    ? undefined
    : findSubcommand(command, command.defaultSubcommand);
}

function argumentSuggestions(
  sub: SubcommandSpec,
  given: readonly string[],
  current: string,
  values: CompletionValues,
): Completion[] {
  const colon = current.indexOf(":");
  if (colon > 0) {
    const key = current.slice(0, colon).toLowerCase();
    const arg = Object.hasOwn(sub.args, key) ? sub.args[key] : undefined;
    if (arg === undefined) return [];
    return valuesOf(arg, current.slice(colon + 1), values).map((v) => ({
      text: `${key}:${quoteIfNeeded(v.value)} `,
      label: v.label,
    }));
  }
  const givenKeys = new Set(given.flatMap((word) => /^([A-Za-z][\w-]*):/.exec(word)?.[1] ?? []));
  const positionalWords = given.filter((word) => !/^[A-Za-z][\w-]*:/.test(word)).length;
  const nextPositional = Object.entries(sub.args).filter(([, arg]) => arg.positional)[positionalWords];
  const positional: Completion[] =
    nextPositional === undefined || nextPositional[1].kind === "text"
      ? []
      : valuesOf(nextPositional[1], current, values).map((v) => ({
          text: `${quoteIfNeeded(v.value)} `,
          label: v.label,
        }));
  const options = Object.entries(sub.args)
    .filter(([name, arg]) => !givenKeys.has(name) && !(arg.positional && arg.kind !== "text"))
    .filter(([name]) => startsWith(name, current))
    .map(([name, arg]) => ({
      text: `${name}:`,
      label: `${arg.description}${arg.presence === "required" ? " (required)" : ""}`,
    }));
  return [...positional, ...options];
}

function valuesOf(arg: AnyArgSpec, typed: string, values: CompletionValues): readonly CompletionValue[] {
  const fixed = arg.choices ?? (arg.kind === "boolean" ? booleanChoices : undefined);
  if (fixed !== undefined) return fixed.filter((choice) => startsWith(choice.value, typed));
  return values(arg, typed);
}

const booleanChoices: readonly CompletionValue[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}
