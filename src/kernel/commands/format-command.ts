import type { CommandRegistry } from "./command-spec.js";
import { findCommand, findSubcommand } from "./find-command.js";
import type { UntypedCommand } from "./validate-args.js";

const quotePairs = [
  ['"', '"'],
  ["'", "'"],
  ["“", "”"],
  ["‘", "’"],
] as const;

function quoted(text: string): string {
  if (text !== "" && !/[\s:"'“”‘’]/.test(text)) return text;
  const pair = quotePairs.find(([, close]) => !text.includes(close));
  if (pair === undefined)
    throw new Error(`"${text}" contains every closing quote and cannot be written as text`);
  return `${pair[0]}${text}${pair[1]}`;
}

/**
 * Writes a parsed command back as the text a person would type, e.g. to show the typed equivalent of a
 * button. Parsing the result gives the same command.
 */
export function commandToText(registry: CommandRegistry, parsed: UntypedCommand): string {
  const command = findCommand(registry, parsed.command);
  const spec = findSubcommand(command, parsed.subcommand);
  if (spec === undefined) throw new Error(`/${command.name} has no subcommand ${parsed.subcommand}`);
  const parts = [`/${command.name}`, parsed.subcommand];
  for (const [name, arg] of Object.entries(spec.args)) {
    const value = parsed.args[name];
    if (value === undefined) continue;
    const text = quoted(arg.toText(value));
    parts.push(arg.positional ? text : `${name}:${text}`);
  }
  return parts.join(" ");
}
