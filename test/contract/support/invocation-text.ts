import { commandRegistry } from "../../../src/practices/registry.js";
import type { Invocation } from "../driver.js";

function quoted(value: string): string {
  return /[\s:"]/.test(value) || value === "" ? `"${value.replaceAll('"', "'")}"` : value;
}

/**
 * An invocation as a person types it after `/<command>` on a text platform: the subcommand, positional
 * values bare in declaration order (a text positional, which takes the rest of the line, last), then
 * `name:value` options. Values are written as given, so invalid ones reach OpsDesk's parser unchanged.
 */
export function invocationText(invocation: Invocation): string {
  const command = commandRegistry.commands.find((candidate) => candidate.name === invocation.command);
  if (!command) throw new Error(`/${invocation.command} is not in the command registry`);
  const spec = (command.subcommands as Record<string, { args: Record<string, unknown> } | undefined>)[
    invocation.subcommand
  ];
  const given = invocation.args ?? {};
  const declared = (spec?.args ?? {}) as Record<string, { positional?: boolean; kind?: string }>;
  const positional = Object.keys(declared).filter((name) => declared[name]?.positional && name in given);
  const restOfLine = positional.filter((name) => declared[name]?.kind === "text");
  const words = [...positional.filter((name) => !restOfLine.includes(name)), ...restOfLine].map(
    (name) => given[name] ?? "",
  );
  const options = Object.entries(given)
    .filter(([name]) => !positional.includes(name))
    .map(([name, value]) => `${name}:${quoted(value)}`);
  // Options first, so a rest-of-line title cannot swallow them.
  return [invocation.subcommand, ...options, ...words].join(" ");
}
