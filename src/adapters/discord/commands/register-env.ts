import type { RegisterDiscordCommandsOptions } from "./register-commands.js";

export type RegisterEnvResult =
  | { readonly ok: true; readonly options: RegisterDiscordCommandsOptions }
  | { readonly ok: false; readonly problems: readonly string[] };

const snowflake = /^\d{17,20}$/;

function value(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === "" ? undefined : raw;
}

/**
 * The registration CLI's settings, with every problem named at once so one run tells the operator all
 * that is missing. Same variable names as the running bot (see src/config/env.ts).
 */
export function registerOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): RegisterEnvResult {
  const token = value(env, "DISCORD_TOKEN");
  const applicationId = value(env, "DISCORD_APPLICATION_ID");
  const guildId = value(env, "DISCORD_GUILD_ID");
  const apiBase = value(env, "DISCORD_API_URL");
  const problems: string[] = [];
  if (token === undefined)
    problems.push("DISCORD_TOKEN is not set: the bot token from the developer portal (Bot → Token)");
  if (applicationId === undefined) {
    problems.push(
      "DISCORD_APPLICATION_ID is not set: the Application ID from the developer portal (General Information)",
    );
  } else if (!snowflake.test(applicationId)) {
    problems.push(`DISCORD_APPLICATION_ID must be 17 to 20 digits, got "${applicationId}"`);
  }
  if (guildId !== undefined && !snowflake.test(guildId)) {
    problems.push(
      `DISCORD_GUILD_ID must be 17 to 20 digits (right-click the server → Copy Server ID), got "${guildId}"`,
    );
  }
  if (apiBase !== undefined && !/^https?:\/\//.test(apiBase)) {
    problems.push(`DISCORD_API_URL must be an http(s) URL like https://discord.com/api, got "${apiBase}"`);
  }
  if (token === undefined || applicationId === undefined || problems.length > 0)
    return { ok: false, problems };
  return {
    ok: true,
    options: {
      token,
      applicationId,
      ...(guildId === undefined ? {} : { guildId }),
      ...(apiBase === undefined ? {} : { apiBase }),
    },
  };
}
