import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import {
  COMPONENT_LIMITS,
  isSelect,
  oneOf,
  validateSelect,
  validateUniqueCustomIds,
} from "./component-limits.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
// and https://discord.com/developers/docs/components/reference (Label, Text Input, Text Display, Checkbox)
export const MODAL_LIMITS = {
  title: 45,
  minComponents: 1,
  maxComponents: 5,
  label: 45,
  labelDescription: 100,
  placeholder: 100,
  value: 4000,
  textLength: 4000,
  textDisplay: 4000,
};

type Path = Array<string | number>;

const ACTION_ROW = 1;
const TEXT_INPUT = 4;
const TEXT_DISPLAY = 10;
const LABEL = 18;
const FILE_UPLOAD = 19;
const RADIO_GROUP = 21;
const CHECKBOX_GROUP = 22;
const CHECKBOX = 23;

/** Top-level modal components (`ModalInteractionCallbackRequestData` in discord-api-spec). */
const MODAL_TOP_LEVEL = [ACTION_ROW, LABEL, TEXT_DISPLAY];
/** Label Child Components (components/reference#label): the inputs, never buttons, rows or labels. */
const LABEL_CHILDREN = [TEXT_INPUT, 3, 5, 6, 7, 8, FILE_UPLOAD, RADIO_GROUP, CHECKBOX_GROUP, CHECKBOX];
/** Text Input Styles: Short 1, Paragraph 2 (components/reference#text-input). */
const TEXT_INPUT_STYLES = [1, 2];

function validateLengthBound(errors: FormErrors, path: Path, value: unknown, min: number): void {
  if (value === undefined) return;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > MODAL_LIMITS.textLength
  ) {
    errors.add(path, "NUMBER_TYPE_MAX", `Must be between ${min} and ${MODAL_LIMITS.textLength}.`);
  }
}

/** Text Input Structure: custom_id 1-100, style 1 or 2, min_length 0-4000, max_length 1-4000, value ≤4000. */
function validateTextInput(errors: FormErrors, path: Path, input: JsonRecord): void {
  errors.lengthBetween([...path, "custom_id"], input.custom_id, 1, COMPONENT_LIMITS.customId);
  oneOf(errors, [...path, "style"], input.style, TEXT_INPUT_STYLES);
  errors.maxLength([...path, "label"], input.label, MODAL_LIMITS.label);
  errors.maxLength([...path, "placeholder"], input.placeholder, MODAL_LIMITS.placeholder);
  errors.maxLength([...path, "value"], input.value, MODAL_LIMITS.value);
  validateLengthBound(errors, [...path, "min_length"], input.min_length, 0);
  validateLengthBound(errors, [...path, "max_length"], input.max_length, 1);
}

/**
 * An input inside a Label. Selects follow the select rules, and in a modal "min_values must be either
 * omitted or at least 1 if required is omitted or true"; "Using disabled in a modal will result in an
 * error" (String Select Structure and the other selects).
 */
function validateLabelChild(errors: FormErrors, path: Path, child: JsonRecord): void {
  if (!LABEL_CHILDREN.includes(child.type as number)) {
    errors.add([...path, "type"], "COMPONENT_TYPE_INVALID", "Invalid component type");
    return;
  }
  if (child.disabled === true) {
    errors.add([...path, "disabled"], "COMPONENT_MODAL_DISABLED", "Modal components cannot be disabled");
  }
  if (child.type === TEXT_INPUT) {
    validateTextInput(errors, path, child);
    return;
  }
  if (isSelect(child.type)) {
    validateSelect(errors, path, child);
    const required = child.required !== false;
    if (required && child.min_values === 0) {
      errors.add(
        [...path, "min_values"],
        "SELECT_COMPONENT_MIN_VALUES_REQUIRED",
        "min_values must be at least 1 when the select is required",
      );
    }
    return;
  }
  errors.lengthBetween([...path, "custom_id"], child.custom_id, 1, COMPONENT_LIMITS.customId);
}

function validateTopLevel(errors: FormErrors, path: Path, component: JsonRecord): void {
  if (!MODAL_TOP_LEVEL.includes(component.type as number)) {
    // A modal holds labels, text displays and (deprecated) action rows of text inputs; no buttons.
    errors.add(
      [...path, "type"],
      "UNION_TYPE_CHOICES",
      `Value of field "type" must be one of (${MODAL_TOP_LEVEL.join(", ")}).`,
    );
    return;
  }
  if (component.type === ACTION_ROW) {
    // Deprecated layout: an action row wrapping exactly one text input.
    const children = asArray(component.components);
    if (children.length === 0) {
      errors.add([...path, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
    }
    errors.maxItems([...path, "components"], children, 1);
    children.forEach((raw, index) => {
      const input = asRecord(raw);
      const at = [...path, "components", index];
      if (input.type === TEXT_INPUT) validateTextInput(errors, at, input);
      else errors.add([...at, "type"], "COMPONENT_TYPE_INVALID", "Invalid component type");
    });
  } else if (component.type === LABEL) {
    // Label Structure: label up to 45 characters (at least 1), description up to 100, one child component.
    errors.lengthBetween([...path, "label"], component.label, 1, MODAL_LIMITS.label);
    errors.maxLength([...path, "description"], component.description, MODAL_LIMITS.labelDescription);
    if (!isRecord(component.component)) {
      errors.add([...path, "component"], "BASE_TYPE_REQUIRED", "This field is required");
    } else {
      validateLabelChild(errors, [...path, "component"], component.component);
    }
  } else {
    // Text Display: content of 1-4000 characters (TextDisplayComponentForModalRequest).
    errors.lengthBetween([...path, "content"], component.content, 1, MODAL_LIMITS.textDisplay);
  }
}

/** Field errors for a modal callback's `data`, nested under `data` as Discord reports them. */
export function modalFormErrors(data: unknown): FormErrors {
  const errors = new FormErrors();
  const modal = isRecord(data) ? data : {};
  errors.lengthBetween(["data", "title"], modal.title, 1, MODAL_LIMITS.title);
  errors.lengthBetween(["data", "custom_id"], modal.custom_id, 1, COMPONENT_LIMITS.customId);
  const components = asArray(modal.components);
  if (components.length < MODAL_LIMITS.minComponents || components.length > MODAL_LIMITS.maxComponents) {
    errors.add(
      ["data", "components"],
      "BASE_TYPE_BAD_LENGTH",
      `Must be between ${MODAL_LIMITS.minComponents} and ${MODAL_LIMITS.maxComponents} in length.`,
    );
  }
  components.forEach((raw, index) => {
    validateTopLevel(errors, ["data", "components", index], asRecord(raw));
  });
  validateUniqueCustomIds(errors, components, ["data", "components"]);
  return errors;
}
