import { ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import type {
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
  RESTPutAPIApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { deskCommands, deskMessageActions } from "../../../desk/catalog.js";
import type { CommandRegistry, CommandSpec } from "../../../kernel/commands/command-spec.js";
import type { MessageActionSpec } from "../../../kernel/practice.js";
import { discordDescription, discordName } from "./discord-names.js";
import { optionForArgument } from "./option-for-argument.js";

// Discord allows 25 options per command and per subcommand.
const optionLimit = 25;

function subcommandOption(
  command: CommandSpec,
  name: string,
  spec: CommandSpec["subcommands"][string],
): APIApplicationCommandSubcommandOption {
  const entries = Object.entries(spec.args);
  if (entries.length > optionLimit) {
    throw new Error(
      `/${command.name} ${name} has ${entries.length} arguments; Discord allows ${optionLimit}`,
    );
  }
  const options = entries.map(([argName, arg]) => optionForArgument(argName, arg));
  // Discord rejects a required option after an optional one; the registry orders arguments for reading
  // (and for positionals), so required ones move to the front here, each group keeping its order.
  const ordered = [
    ...options.filter((option) => option.required),
    ...options.filter((option) => !option.required),
  ];
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: discordName(name, `subcommand of /${command.name}`),
    description: discordDescription(spec.description, name),
    ...(ordered.length === 0 ? {} : { options: ordered }),
  };
}

function chatInputCommand(command: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const subcommands = Object.entries(command.subcommands);
  if (subcommands.length > optionLimit) {
    throw new Error(`/${command.name} has ${subcommands.length} subcommands; Discord allows ${optionLimit}`);
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: discordName(command.name, "command"),
    description: discordDescription(command.description, command.name),
    options: subcommands.map(([name, spec]) => subcommandOption(command, name, spec)),
  };
}

/** A message action as a message command, named by its label ("Raise incident"). */
function messageCommand(action: MessageActionSpec): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return { type: ApplicationCommandType.Message, name: action.label };
}

/**
 * Discord's application commands, generated from the registry (principle 2): one slash command per
 * registry command with a subcommand per registry subcommand, plus "Raise incident" on messages. This is
 * the whole set: registering it is a bulk overwrite that also removes commands no longer declared.
 */
export function buildDiscordCommands(
  registry: CommandRegistry = deskCommands,
  messageActions: readonly MessageActionSpec[] = deskMessageActions,
): RESTPutAPIApplicationCommandsJSONBody {
  return [...registry.commands.map(chatInputCommand), ...messageActions.map(messageCommand)];
}
