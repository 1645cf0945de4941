import type { AnyArgSpec } from "./argument.js";
import type { CommandSpec } from "./command-spec.js";

/** One argument as shown in usage lines: `<ref>`, `[mine|open|all]`, `code:fixed|…`, `[note:<text>]`. */
export function argumentUsage(name: string, spec: AnyArgSpec): string {
  const shown = spec.positional
    ? spec.kind === "choice"
      ? spec.placeholder
      : `<${name}>`
    : `${name}:${spec.placeholder}`;
  return spec.presence === "required" ? shown : `[${shown}]`;
}

export function usageLine(command: CommandSpec, subcommand: string): string {
  const args = command.subcommands[subcommand]?.args ?? {};
  const parts = Object.entries(args).map(([name, spec]) => argumentUsage(name, spec));
  return [`/${command.name}`, subcommand, ...parts].join(" ");
}

/** Short enough for Slack's usage hint: the default form, then the subcommand names. */
export function usageHint(command: CommandSpec): string {
  const names = Object.keys(command.subcommands).join("|");
  const defaultSub = command.defaultSubcommand;
  if (defaultSub === undefined) return `${names} …`;
  const defaultArgs = Object.entries(command.subcommands[defaultSub]?.args ?? {})
    .filter(([, spec]) => spec.positional)
    .map(([name, spec]) => argumentUsage(name, spec));
  return [...defaultArgs, "…", "|", names, "…"].join(" ");
}
