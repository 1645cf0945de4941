import type { CommandRegistry } from "../../../kernel/commands/command-spec.js";
import { usageHint } from "../../../kernel/commands/usage.js";
import type { SlackSlashCommand } from "./types.js";

// Slack's manifest limits for slash commands (docs.slack.dev/reference/app-manifest, slash_commands).
const commandNameMax = 32;
const descriptionMax = 2000;
const usageHintMax = 1000;

function checked(what: string, text: string, max: number): string {
  // The registry is code: a declaration Slack would refuse must fail generation, not be cut silently.
  if (text.length === 0 || text.length > max) {
    throw new Error(`Slack manifest: ${what} must be 1 to ${max} characters (got ${text.length}): "${text}"`);
  }
  return text;
}

/** One slash command per registry command, its description and usage hint generated from the registry. */
export function slashCommands(registry: CommandRegistry, url: string | undefined): SlackSlashCommand[] {
  return registry.commands.map((command) => {
    const name = checked("command", `/${command.name}`, commandNameMax);
    return {
      command: name,
      description: checked(`${name} description`, command.description, descriptionMax),
      usage_hint: checked(`${name} usage hint`, usageHint(command), usageHintMax),
      should_escape: true,
      ...(url === undefined ? {} : { url }),
    };
  });
}
