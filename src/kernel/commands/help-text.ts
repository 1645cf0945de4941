import type { CommandRegistry } from "./command-spec.js";
import { findCommand } from "./find-command.js";
import { usageHint, usageLine } from "./usage.js";

/** Plain-text help generated from the registry; adapters may add their own markup. */
export function helpText(registry: CommandRegistry, commandName: string): string {
  const command = findCommand(registry, commandName);
  const lines = [
    `/${command.name} — ${command.description}`,
    `Usage: /${command.name} ${usageHint(command)}`,
    "",
  ];
  const examples: string[] = [];
  for (const [name, sub] of Object.entries(command.subcommands)) {
    const isDefault = name === command.defaultSubcommand;
    const note = isDefault
      ? ` (the default: /${command.name} <${firstPositional(sub.args) ?? name}> works too)`
      : "";
    lines.push(usageLine(command, name), `    ${sub.description}${note}`);
    examples.push(...sub.examples);
  }
  if (examples.length > 0) lines.push("", "Examples:", ...examples.map((example) => `  ${example}`));
  return lines.join("\n");
}

function firstPositional(args: Readonly<Record<string, { positional: boolean }>>): string | undefined {
  return Object.entries(args).find(([, arg]) => arg.positional)?.[0];
}
