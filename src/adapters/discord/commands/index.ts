export { buildDiscordCommands } from "./build-commands.js";
export { discordManifestPath, discordManifestText } from "./manifest.js";
export { optionForArgument } from "./option-for-argument.js";
export {
  type RegisterDiscordCommandsOptions,
  type RegisteredCommands,
  registerDiscordCommands,
} from "./register-commands.js";
export { type RegisterEnvResult, registerOptionsFromEnv } from "./register-env.js";
export { describeRegistrationError } from "./register-errors.js";
