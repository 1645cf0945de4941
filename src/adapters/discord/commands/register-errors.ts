import { DiscordAPIError, HTTPError } from "discord.js";
import type { RegisterDiscordCommandsOptions } from "./register-commands.js";

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && "code" in cause && typeof cause.code === "string") return cause.code;
  return undefined;
}

function apiRefusal(error: DiscordAPIError, options: RegisterDiscordCommandsOptions): string {
  const where = options.guildId === undefined ? "globally" : `in guild ${options.guildId}`;
  switch (error.status) {
    case 401:
      return "Discord rejected the bot token (401 Unauthorized): DISCORD_TOKEN is wrong or was reset. Copy it again from the developer portal (Bot → Reset Token).";
    case 403:
      return `Discord refused to register commands ${where} (403 ${error.message}): invite the bot to that server with the applications.commands scope, or check DISCORD_GUILD_ID.`;
    case 404:
      return `Discord does not know this application or server (404 ${error.message}): check DISCORD_APPLICATION_ID${options.guildId === undefined ? "" : " and DISCORD_GUILD_ID"}.`;
    default: {
      // 400 Invalid Form Body names the offending field; show it, it is the generated definition's bug.
      const details = JSON.stringify(error.rawError);
      return `Discord refused the commands (${error.status} ${error.message}): ${details}`;
    }
  }
}

/** One line for the operator: what went wrong and what to do, never a stack trace. */
export function describeRegistrationError(error: unknown, options: RegisterDiscordCommandsOptions): string {
  if (error instanceof DiscordAPIError) return apiRefusal(error, options);
  if (error instanceof HTTPError) {
    return `Discord answered ${error.status} ${error.message}; it may be having trouble, try again in a few minutes.`;
  }
  const code = networkCode(error);
  if (code !== undefined) {
    return `Could not reach Discord at ${options.apiBase ?? "https://discord.com/api"} (${code}): check the network or DISCORD_API_URL.`;
  }
  return `Registering the Discord commands failed: ${error instanceof Error ? error.message : String(error)}`;
}
