import { join } from "node:path";
import type { CommandRegistry } from "../../../kernel/commands/command-spec.js";
import { projectRoot } from "../../../paths.js";
import { buildDiscordCommands } from "./build-commands.js";

/** The committed copy of the generated commands, for review in pull requests and for tools. */
export function discordManifestPath(): string {
  return join(projectRoot(), "manifests", "discord-commands.json");
}

export function discordManifestText(registry: CommandRegistry): string {
  return `${JSON.stringify(buildDiscordCommands(registry), null, 2)}\n`;
}
