import type { types } from "@slack/bolt";
import type { CheckboxField, FormField, SelectField, TextField } from "../../../kernel/views/form.js";
import { SlackRenderError } from "./errors.js";
import { checkboxOnValue, fieldActionId, fieldBlockId } from "./ids.js";
import { slackLimits } from "./limits.js";
import { isSlackUserId } from "./mrkdwn.js";
import { plainLine, plainText } from "./text-objects.js";
import { fitText } from "./truncate.js";

type InputElement = types.InputBlock["element"];

function placeholderOf(placeholder: string | undefined): { placeholder?: types.PlainTextElement } {
  return placeholder === undefined ? {} : { placeholder: plainLine(placeholder, slackLimits.placeholder) };
}

function textInput(field: TextField): types.PlainTextInput {
  const maxLength =
    field.maxLength === undefined
      ? undefined
      : Math.min(field.maxLength, slackLimits.plainTextInputMaxLength);
  // An initial value longer than max_length would be refused; prefills come from arbitrary messages.
  const initial =
    field.initial === undefined
      ? undefined
      : fitText(field.initial, maxLength ?? slackLimits.plainTextInputMaxLength);
  return {
    type: "plain_text_input",
    action_id: fieldActionId(field.id),
    multiline: field.type === "textarea",
    ...(maxLength === undefined ? {} : { max_length: maxLength }),
    ...(initial === undefined || initial === "" ? {} : { initial_value: initial }),
    ...placeholderOf(field.placeholder),
  };
}

function optionValue(value: string): string {
  if (value.length === 0 || value.length > slackLimits.optionValue) {
    throw new SlackRenderError(
      "identifier_too_long",
      `option value "${value.slice(0, 40)}" must be 1 to ${slackLimits.optionValue} characters`,
    );
  }
  return value;
}

function staticSelect(field: SelectField): types.StaticSelect {
  const options: types.PlainTextOption[] = field.options
    .slice(0, slackLimits.selectOptions)
    .map((option) => ({
      text: plainLine(option.label, slackLimits.optionText),
      value: optionValue(option.value),
    }));
  // Slack refuses an initial_option that is not one of the options.
  const initial = options.find((option) => option.value === field.initial);
  return {
    type: "static_select",
    action_id: fieldActionId(field.id),
    options,
    ...(initial === undefined ? {} : { initial_option: initial }),
    ...placeholderOf(field.placeholder),
  };
}

function checkboxes(field: CheckboxField): types.Checkboxes {
  // One box; its text is the hint ("Only agents can see it") so the label above can stay short.
  const option: types.PlainTextOption = {
    text: plainLine(field.hint ?? field.label, slackLimits.optionText),
    value: checkboxOnValue,
  };
  return {
    type: "checkboxes",
    action_id: fieldActionId(field.id),
    options: [option],
    ...(field.initial === true ? { initial_options: [option] } : {}),
  };
}

function elementOf(field: FormField): InputElement {
  switch (field.type) {
    case "text":
    case "textarea":
      return textInput(field);
    case "select":
      return staticSelect(field);
    case "person":
      return {
        type: "users_select",
        action_id: fieldActionId(field.id),
        ...(field.initial !== undefined && isSlackUserId(field.initial)
          ? { initial_user: field.initial }
          : {}),
        ...placeholderOf(field.placeholder),
      };
    case "checkbox":
      return checkboxes(field);
  }
}

/** Says when a select could not offer every choice, so the person knows to type the command instead. */
function hintOf(field: FormField): string | undefined {
  if (field.type === "checkbox") return undefined;
  const total = field.type === "select" ? field.options.length : 0;
  const extra =
    total > slackLimits.selectOptions
      ? `Showing the first ${slackLimits.selectOptions} choices of ${total}.`
      : undefined;
  const parts = [field.hint, extra].filter((part) => part !== undefined && part !== "");
  return parts.length === 0 ? undefined : parts.join(" ");
}

/** One form field as an input block; `optional` mirrors the command argument's presence. */
export function inputBlock(field: FormField): types.InputBlock {
  const hint = hintOf(field);
  return {
    type: "input",
    block_id: fieldBlockId(field.id),
    label: plainLine(field.label, slackLimits.inputLabel),
    element: elementOf(field),
    optional: !field.required,
    ...(hint === undefined ? {} : { hint: plainText(hint, slackLimits.inputHint) }),
  };
}
