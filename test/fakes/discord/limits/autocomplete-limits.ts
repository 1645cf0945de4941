import { asArray, asRecord } from "../json.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete
// "autocomplete choices (max of 25 choices)", each an Application Command Option Choice
// (interactions/application-commands#application-command-object-application-command-option-choice-structure):
// name of 1-100 characters, value "up to 100 characters if string", otherwise a number. (discord-api-spec's
// ApplicationCommandOptionStringChoice allows a 6000-character value; the fake keeps the documented 100.)
export const CHOICE_LIMITS = { choices: 25, name: 100, stringValue: 100 } as const;

type Path = Array<string | number>;

/** Rules shared by autocomplete results and registered command choices. */
export function validateChoice(errors: FormErrors, path: Path, raw: unknown): void {
  const choice = asRecord(raw);
  errors.lengthBetween([...path, "name"], choice.name, 1, CHOICE_LIMITS.name);
  const value = choice.value;
  if (typeof value === "string") errors.maxLength([...path, "value"], value, CHOICE_LIMITS.stringValue);
  else if (typeof value !== "number" || !Number.isFinite(value)) {
    errors.add([...path, "value"], "BASE_TYPE_REQUIRED", "This field is required");
  }
}

/** Field errors for an APPLICATION_COMMAND_AUTOCOMPLETE_RESULT callback's `data`. */
export function autocompleteFormErrors(data: unknown): FormErrors {
  const errors = new FormErrors();
  const choices = asArray(asRecord(data).choices);
  errors.maxItems(["data", "choices"], choices, CHOICE_LIMITS.choices);
  choices.forEach((choice, index) => {
    validateChoice(errors, ["data", "choices", index], choice);
  });
  return errors;
}
