import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import { COMPONENT_LIMITS } from "./component-limits.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
export const MODAL_LIMITS = {
  title: 45,
  minComponents: 1,
  maxComponents: 5,
  label: 45,
  placeholder: 100,
  value: 4000,
};

const ACTION_ROW = 1;
const TEXT_INPUT = 4;
const LABEL = 18;

function validateTextInput(errors: FormErrors, path: Array<string | number>, input: JsonRecord): void {
  errors.lengthBetween([...path, "custom_id"], input.custom_id, 1, COMPONENT_LIMITS.customId);
  errors.maxLength([...path, "label"], input.label, MODAL_LIMITS.label);
  errors.maxLength([...path, "placeholder"], input.placeholder, MODAL_LIMITS.placeholder);
  errors.maxLength([...path, "value"], input.value, MODAL_LIMITS.value);
}

/**
 * Modals hold 1-5 top-level components: legacy action rows wrapping one text input, or (newer) label
 * components (type 18) wrapping one input in `component`.
 */
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
    const component = asRecord(raw);
    const path = ["data", "components", index];
    if (component.type === ACTION_ROW) {
      const children = asArray(component.components);
      errors.maxItems([...path, "components"], children, 1);
      children.forEach((child, childIndex) => {
        const input = asRecord(child);
        if (input.type === TEXT_INPUT) validateTextInput(errors, [...path, "components", childIndex], input);
      });
    } else if (component.type === LABEL) {
      errors.lengthBetween([...path, "label"], component.label, 1, MODAL_LIMITS.label);
      const inner = asRecord(component.component);
      if (inner.type === TEXT_INPUT) validateTextInput(errors, [...path, "component"], inner);
    }
  });
  return errors;
}
