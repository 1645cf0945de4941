import { ComponentType, SelectMenuDefaultValueType, TextInputStyle } from "discord.js";
import type {
  APIComponentInLabel,
  APILabelComponent,
  APISelectMenuOption,
  APITextInputComponent,
} from "discord-api-types/v10";
import type { FormField, SelectField, TextField } from "../../../kernel/views/form.js";
import { componentLimits, modalLimits } from "./limits.js";
import { truncate } from "./truncate.js";

/*
 * Each form field becomes a Label (type 18) wrapping one input, Discord's current modal layout: the label
 * and hint sit above the input, and the input may be a text input, a select, a user picker or a checkbox.
 * The older layout (action rows of text inputs only) is deprecated for modals and cannot hold selects.
 * The field id (the command argument's name) is the input's custom_id, so a submission maps straight back.
 */

const snowflake = /^\d{17,20}$/;

/** The field's placeholder cut to the component's limit, or nothing: Discord refuses an empty one. */
function placeholderOf(field: { placeholder?: string | undefined }, max: number): { placeholder?: string } {
  const placeholder = field.placeholder?.trim() ?? "";
  return placeholder === "" ? {} : { placeholder: truncate(placeholder, max) };
}

function textInput(
  field: Pick<TextField, "id" | "required" | "maxLength" | "initial" | "placeholder">,
  style: TextInputStyle,
): APITextInputComponent {
  const maxLength = Math.min(field.maxLength ?? modalLimits.textLength, modalLimits.textLength);
  // Prefill longer than max_length makes Discord reject the whole modal; cut it instead.
  const value = field.initial === undefined ? "" : truncate(field.initial, maxLength);
  return {
    type: ComponentType.TextInput,
    custom_id: field.id,
    style,
    required: field.required,
    max_length: maxLength,
    ...(value === "" ? {} : { value }),
    ...placeholderOf(field, modalLimits.placeholder),
  };
}

function fitsStringSelect(field: SelectField): boolean {
  return (
    field.options.length > 0 &&
    field.options.length <= componentLimits.selectOptions &&
    field.options.every((option) => option.value.length <= componentLimits.optionValue)
  );
}

function selectInput(field: SelectField): APIComponentInLabel {
  if (!fitsStringSelect(field)) {
    // More choices than a select holds (e.g. a large service catalogue): typed text, validated by the
    // command's schema like any typed value, with the first choices as a hint.
    const choices = `One of: ${field.options.map((option) => option.value).join(", ")}`;
    return textInput(
      { id: field.id, required: field.required, initial: field.initial, placeholder: choices },
      TextInputStyle.Short,
    );
  }
  const options: APISelectMenuOption[] = field.options.map((option) => ({
    label: truncate(option.label, componentLimits.optionLabel),
    value: option.value,
    ...(option.value === field.initial ? { default: true } : {}),
  }));
  return {
    type: ComponentType.StringSelect,
    custom_id: field.id,
    options,
    required: field.required,
    min_values: field.required ? 1 : 0,
    max_values: 1,
    ...placeholderOf(field, componentLimits.selectPlaceholder),
  };
}

function inputFor(field: FormField): APIComponentInLabel {
  switch (field.type) {
    case "text":
      return textInput(field, TextInputStyle.Short);
    case "textarea":
      return textInput(field, TextInputStyle.Paragraph);
    case "select":
      return selectInput(field);
    case "person":
      // A user select submits the picked user's id, which the person argument accepts as it is.
      return {
        type: ComponentType.UserSelect,
        custom_id: field.id,
        required: field.required,
        min_values: field.required ? 1 : 0,
        max_values: 1,
        ...(field.initial !== undefined && snowflake.test(field.initial)
          ? { default_values: [{ id: field.initial, type: SelectMenuDefaultValueType.User }] }
          : {}),
      };
    case "checkbox":
      return {
        type: ComponentType.Checkbox,
        custom_id: field.id,
        ...(field.initial === true ? { default: true } : {}),
      };
  }
}

export function labelledInput(field: FormField): APILabelComponent {
  const hint = field.hint?.trim() ?? "";
  return {
    type: ComponentType.Label,
    label: truncate(field.label.trim(), modalLimits.label),
    ...(hint === "" ? {} : { description: truncate(hint, modalLimits.labelDescription) }),
    component: inputFor(field),
  };
}
