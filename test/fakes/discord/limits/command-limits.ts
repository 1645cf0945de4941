import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/interactions/application-commands#application-command-object
export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  commands: 100,
} as const;

/** Chat-input names: 1-32 word characters or dashes, any script, and lowercase where the script has case. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const MIN_OPTION_TYPE = 1;
const MAX_OPTION_TYPE = 11;
const CHOICE_TYPES = new Set([3, 4, 10]);

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
      errors.lengthBetween([...optionPath, "choices", choiceIndex, "name"], asRecord(choice).name, 1, 100);
    });
  });
}

function validateCommand(errors: FormErrors, index: number, command: JsonRecord): void {
  const type = command.type ?? CHAT_INPUT;
  if (type === CHAT_INPUT) {
    validateName(errors, [index], command.name);
    errors.lengthBetween([index, "description"], command.description, 1, COMMAND_LIMITS.description);
    validateOptions(errors, [index], asArray(command.options), 0);
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
