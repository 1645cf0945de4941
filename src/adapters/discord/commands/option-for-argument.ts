import { ApplicationCommandOptionType } from "discord.js";
import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import type { AnyArgSpec } from "../../../kernel/commands/argument.js";
import { truncate } from "../render/truncate.js";
import { discordDescription, discordName } from "./discord-names.js";

const choiceLimit = 25;
const choiceTextMax = 100;
// Discord's ceiling for a string option's max_length.
const stringMaxLength = 6000;

function defaultNote(arg: AnyArgSpec): string {
  if (arg.presence !== "defaulted" || arg.defaultValue === undefined) return "";
  const shown = arg.choices?.find((choice) => choice.value === arg.defaultValue)?.label;
  return ` (default: ${shown ?? arg.toText(arg.defaultValue)})`;
}

function stringOption(
  base: { name: string; description: string; required: boolean },
  arg: AnyArgSpec,
): APIApplicationCommandBasicOption {
  const maxLength =
    arg.maxLength === undefined ? {} : { max_length: Math.min(arg.maxLength, stringMaxLength) };
  const choices = arg.choices ?? [];
  if (choices.length > 0 && choices.length <= choiceLimit) {
    return {
      type: ApplicationCommandOptionType.String,
      ...base,
      choices: choices.map((choice) => ({
        name: truncate(choice.label, choiceTextMax),
        value: choice.value,
      })),
    };
  }
  // Too many fixed choices for Discord's list: offer them through autocomplete instead.
  const autocomplete = arg.autocomplete || choices.length > choiceLimit;
  return {
    type: ApplicationCommandOptionType.String,
    ...base,
    ...maxLength,
    ...(autocomplete ? { autocomplete: true } : {}),
  };
}

/**
 * One registry argument as a Discord option. Kinds map to the closest Discord type: people become USER
 * options (Discord's picker submits the user id), flags BOOLEAN; everything else is a STRING that the
 * registry's schema parses exactly as it parses typed Slack text (tickets and services get autocomplete,
 * durations stay text like `4h`).
 */
export function optionForArgument(name: string, arg: AnyArgSpec): APIApplicationCommandBasicOption {
  const base = {
    name: discordName(name, "option"),
    description: discordDescription(`${arg.description}${defaultNote(arg)}`, name),
    required: arg.presence === "required",
  };
  switch (arg.kind) {
    case "person":
      return { type: ApplicationCommandOptionType.User, ...base };
    case "boolean":
      return { type: ApplicationCommandOptionType.Boolean, ...base };
    case "text":
    case "choice":
    case "ticket":
    case "service":
    case "duration":
      return stringOption(base, arg);
  }
}
