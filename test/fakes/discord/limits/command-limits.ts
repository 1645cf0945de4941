import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import { validateChoice } from "./autocomplete-limits.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/interactions/application-commands#application-command-object
export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  commands: 100,
  /**
   * "Slash commands can have a maximum of 8000 characters for combined name, description, and value
   * properties for each command, its options (including subcommands and groups), and choices"; of
   * localized fields only the longest counts (interactions/application-commands#slash-commands).
   */
  commandSize: 8000,
  /** STRING options: min_length 0-6000, max_length 1-6000 (Application Command Option Structure). */
  stringLength: 6000,
} as const;

/** Chat-input names: 1-32 word characters or dashes, any script, and lowercase where the script has case. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const MIN_OPTION_TYPE = 1;
const MAX_OPTION_TYPE = 11;
const STRING = 3;
const INTEGER = 4;
const NUMBER = 10;
const CHOICE_TYPES = new Set([STRING, INTEGER, NUMBER]);

function validateName(errors: FormErrors, path: Array<string | number>, name: unknown): void {
  if (typeof name !== "string" || !CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
}

function validateOptions(
  errors: FormErrors,
  path: Array<string | number>,
  options: unknown[],
  depth: number,
): void {
  errors.maxItems([...path, "options"], options, COMMAND_LIMITS.options);
  let seenOptional = false;
  options.forEach((raw, index) => {
    const option = asRecord(raw);
    const optionPath = [...path, "options", index];
    validateName(errors, optionPath, option.name);
    errors.lengthBetween([...optionPath, "description"], option.description, 1, COMMAND_LIMITS.description);
    const type = option.type;
    if (
      typeof type !== "number" ||
      type < MIN_OPTION_TYPE ||
      type > MAX_OPTION_TYPE ||
      !Number.isInteger(type)
    ) {
      errors.add([...optionPath, "type"], "BASE_TYPE_CHOICES", `Value must be one of (1..11).`);
      return;
    }
    const nests = type === SUB_COMMAND || type === SUB_COMMAND_GROUP;
    if (nests) {
      // Groups may only hold subcommands, and subcommands may only hold plain options (max depth 2).
      if (depth >= (type === SUB_COMMAND_GROUP ? 1 : 2)) {
        errors.add([...optionPath, "type"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Invalid nesting");
      }
      validateOptions(errors, optionPath, asArray(option.options), depth + 1);
      return;
    }
    if (option.required === true && seenOptional) {
      errors.add(
        [...optionPath, "required"],
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    }
    if (option.required !== true) seenOptional = true;
    validateValueRules(errors, optionPath, option, type);
    const choices = asArray(option.choices);
    errors.maxItems([...optionPath, "choices"], choices, COMMAND_LIMITS.choices);
    if (choices.length > 0 && !CHOICE_TYPES.has(type)) {
      errors.add(
        [...optionPath, "choices"],
        "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
        "Choices are only valid for string, integer and number options",
      );
    }
    choices.forEach((choice, choiceIndex) => {
      validateChoice(errors, [...optionPath, "choices", choiceIndex], choice);
      const value = asRecord(choice).value;
      const fits =
        type === STRING
          ? typeof value === "string"
          : type === INTEGER
            ? Number.isInteger(value)
            : typeof value === "number";
      if (CHOICE_TYPES.has(type) && !fits) {
        errors.add(
          [...optionPath, "choices", choiceIndex, "value"],
          "APPLICATION_COMMAND_OPTION_CHOICE_VALUE_INVALID",
          "The choice value does not match the option type",
        );
      }
    });
  });
  validateUniqueNames(errors, path, options);
}

/** "name must be unique within an array of application command options" (Option Structure, note *). */
function validateUniqueNames(errors: FormErrors, path: Array<string | number>, options: unknown[]): void {
  const seen = new Set<unknown>();
  options.forEach((raw, index) => {
    const name = asRecord(raw).name;
    if (seen.has(name)) {
      errors.add(
        [...path, "options", index, "name"],
        "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
        "Option names must be unique",
      );
    }
    seen.add(name);
  });
}

/**
 * Option Structure: `autocomplete` is for STRING, INTEGER and NUMBER options and "may not be set to true if
 * choices are present"; `min_length` (0-6000) and `max_length` (1-6000) are for STRING options.
 */
function validateValueRules(
  errors: FormErrors,
  path: Array<string | number>,
  option: JsonRecord,
  type: number,
): void {
  if (option.autocomplete === true) {
    if (!CHOICE_TYPES.has(type)) {
      errors.add(
        [...path, "autocomplete"],
        "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID",
        "Autocomplete is only valid for string, integer and number options",
      );
    } else if (asArray(option.choices).length > 0) {
      errors.add(
        [...path, "autocomplete"],
        "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE",
        "Autocomplete cannot be used with choices",
      );
    }
  }
  for (const [field, min] of [
    ["min_length", 0],
    ["max_length", 1],
  ] as const) {
    const value = option[field];
    if (value === undefined || value === null) continue;
    if (type !== STRING) {
      errors.add(
        [...path, field],
        "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
        `${field} is only valid for string options`,
      );
    } else if (
      typeof value !== "number" ||
      !Number.isInteger(value) ||
      value < min ||
      value > COMMAND_LIMITS.stringLength
    ) {
      errors.add(
        [...path, field],
        "NUMBER_TYPE_MAX",
        `Must be between ${min} and ${COMMAND_LIMITS.stringLength}.`,
      );
    }
  }
}

/** The longest of a field and its localizations, as Discord counts it towards the command size. */
function longest(value: unknown, localizations: unknown): number {
  const texts = [value, ...(isRecord(localizations) ? Object.values(localizations) : [])];
  return Math.max(0, ...texts.map((text) => (typeof text === "string" ? text.length : 0)));
}

/** Characters a chat-input command counts towards its 8000: names, descriptions and choice values. */
export function commandSize(command: JsonRecord): number {
  let size = longest(command.name, command.name_localizations);
  size += longest(command.description, command.description_localizations);
  for (const raw of asArray(command.options)) size += commandSize(asRecord(raw));
  for (const raw of asArray(command.choices)) {
    const choice = asRecord(raw);
    size += longest(choice.name, choice.name_localizations) + String(choice.value ?? "").length;
  }
  return size;
}

function validateCommand(errors: FormErrors, index: number, command: JsonRecord): void {
  const type = command.type ?? CHAT_INPUT;
  if (type === CHAT_INPUT) {
    validateName(errors, [index], command.name);
    errors.lengthBetween([index, "description"], command.description, 1, COMMAND_LIMITS.description);
    validateOptions(errors, [index], asArray(command.options), 0);
    const size = commandSize(command);
    if (size > COMMAND_LIMITS.commandSize) {
      errors.add(
        [index],
        "APPLICATION_COMMAND_TOO_LARGE",
        `Command exceeds maximum size (${COMMAND_LIMITS.commandSize})`,
      );
    }
  } else if (type === 2 || type === 3) {
    // User and message context-menu commands: mixed case and spaces allowed; description must be empty.
    errors.lengthBetween([index, "name"], command.name, 1, COMMAND_LIMITS.name);
    if (typeof command.description === "string" && command.description !== "") {
      errors.add(
        [index, "description"],
        "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
        "Context menu commands cannot have a description",
      );
    }
  } else if (type !== 4) {
    errors.add([index, "type"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4).");
  }
}

/** Field errors for a bulk overwrite body (an array of commands). */
export function commandsFormErrors(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], "BASE_TYPE_ARRAY", "Must be an array.");
    return errors;
  }
  errors.maxItems([], body, COMMAND_LIMITS.commands);
  const seen = new Set<string>();
  body.forEach((raw, index) => {
    if (!isRecord(raw)) {
      errors.add([index], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
      return;
    }
    validateCommand(errors, index, raw);
    const key = `${String(raw.type ?? CHAT_INPUT)}:${String(raw.name)}`;
    if (seen.has(key))
      errors.add(
        [index, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        "Application command names must be unique",
      );
    seen.add(key);
  });
  return errors;
}
