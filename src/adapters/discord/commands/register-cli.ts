// Registers OpsDesk's Discord commands: `npx tsx src/adapters/discord/commands/register-cli.ts`.
// Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID, and optionally DISCORD_GUILD_ID and DISCORD_API_URL.
import { registerDiscordCommands } from "./register-commands.js";
import { registerOptionsFromEnv } from "./register-env.js";
import { describeRegistrationError } from "./register-errors.js";

async function main(): Promise<number> {
  const settings = registerOptionsFromEnv(process.env);
  if (!settings.ok) {
    console.error(
      ["Cannot register the Discord commands:", ...settings.problems.map((p) => `  - ${p}`)].join("\n"),
    );
    return 1;
  }
  try {
    const registered = await registerDiscordCommands(settings.options);
    const where =
      registered.scope === "guild"
        ? `in guild ${registered.guildId} (available at once)`
        : "globally (every server the app is in)";
    console.log(
      `Registered ${registered.names.length} Discord commands ${where}: ${registered.names.join(", ")}`,
    );
    return 0;
  } catch (error) {
    console.error(describeRegistrationError(error, settings.options));
    return 1;
  }
}

process.exitCode = await main();
