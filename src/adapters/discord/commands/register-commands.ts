import { REST, Routes } from "discord.js";
import type { RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import { deskCommands as commandRegistry } from "../../../desk/catalog.js";
import type { CommandRegistry } from "../../../kernel/commands/command-spec.js";
import { buildDiscordCommands } from "./build-commands.js";

export interface RegisterDiscordCommandsOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register in this guild (instant, for development and single-server installs) instead of globally. */
  readonly guildId?: string;
  /** Like `https://discord.com/api` (the default); tests point it at the local fake. */
  readonly apiBase?: string;
  readonly registry?: CommandRegistry;
}

export interface RegisteredCommands {
  readonly scope: "guild" | "global";
  readonly guildId?: string;
  /** Names of the commands Discord now holds, as it answered the overwrite. */
  readonly names: readonly string[];
}

/**
 * Replaces the application's commands with the ones generated from the registry (Discord's bulk
 * overwrite: commands not in the list are deleted). Guild commands apply at once; global ones reach every
 * server the app is in. Throws discord.js's DiscordAPIError on a refusal (401 for a wrong token).
 */
export async function registerDiscordCommands(
  options: RegisterDiscordCommandsOptions,
): Promise<RegisteredCommands> {
  const body: RESTPutAPIApplicationCommandsJSONBody = buildDiscordCommands(
    options.registry ?? commandRegistry,
  );
  const rest = new REST(options.apiBase === undefined ? {} : { api: options.apiBase }).setToken(
    options.token,
  );
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const stored = (await rest.put(route, { body })) as readonly { readonly name: string }[];
  const names = stored.map((command) => command.name);
  return options.guildId === undefined
    ? { scope: "global", names }
    : { scope: "guild", guildId: options.guildId, names };
}
