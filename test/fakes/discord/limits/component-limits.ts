import { asArray, asRecord } from "../json.js";
import type { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/components/reference
export const COMPONENT_LIMITS = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionValue: 100,
} as const;

const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const SELECTS = new Set([3, 5, 6, 7, 8]);
const LINK_STYLE = 5;
const isSelect = (type: unknown): boolean => typeof type === "number" && SELECTS.has(type);
const PREMIUM_STYLE = 6;

function validateButton(
  errors: FormErrors,
  path: Array<string | number>,
  button: Record<string, unknown>,
): void {
  errors.maxLength([...path, "label"], button.label, COMPONENT_LIMITS.buttonLabel);
  const style = button.style;
  if (style === LINK_STYLE || style === PREMIUM_STYLE) return;
  if (typeof button.custom_id !== "string") {
    errors.add([...path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required");
  } else {
    errors.lengthBetween([...path, "custom_id"], button.custom_id, 1, COMPONENT_LIMITS.customId);
  }
}

function validateSelect(
  errors: FormErrors,
  path: Array<string | number>,
  select: Record<string, unknown>,
): void {
  errors.lengthBetween([...path, "custom_id"], select.custom_id, 1, COMPONENT_LIMITS.customId);
  errors.maxLength([...path, "placeholder"], select.placeholder, COMPONENT_LIMITS.selectPlaceholder);
  if (select.type !== STRING_SELECT) return;
  const options = asArray(select.options);
  if (options.length === 0) {
    errors.add([...path, "options"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
  }
  errors.maxItems([...path, "options"], options, COMPONENT_LIMITS.selectOptions);
  options.forEach((raw, index) => {
    const option = asRecord(raw);
    errors.maxLength([...path, "options", index, "label"], option.label, COMPONENT_LIMITS.optionLabel);
    errors.maxLength([...path, "options", index, "value"], option.value, COMPONENT_LIMITS.optionValue);
  });
}

function validateRow(errors: FormErrors, path: Array<string | number>, row: Record<string, unknown>): void {
  const children = asArray(row.components);
  if (children.length === 0) {
    errors.add([...path, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
  }
  errors.maxItems([...path, "components"], children, COMPONENT_LIMITS.buttonsPerRow);
  const hasSelect = children.some((child) => isSelect(asRecord(child).type));
  if (hasSelect && children.length > 1) {
    // A select menu takes the whole width of its row.
    errors.add(
      [...path, "components"],
      "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
      "The specified component exceeds the maximum width",
    );
  }
  children.forEach((raw, index) => {
    const child = asRecord(raw);
    const childPath = [...path, "components", index];
    if (child.type === BUTTON) validateButton(errors, childPath, child);
    else if (isSelect(child.type)) validateSelect(errors, childPath, child);
    else errors.add([...childPath, "type"], "COMPONENT_TYPE_INVALID", "Invalid component type");
  });
}

/**
 * Classic message components: up to 5 action rows of up to 5 buttons or one select each.
 * With the IS_COMPONENTS_V2 flag (1 << 15) the top level holds layout components instead; the fake only
 * checks the rows it finds there.
 */
export function validateComponents(
  errors: FormErrors,
  rows: unknown[],
  options: { componentsV2: boolean },
): void {
  if (!options.componentsV2) errors.maxItems(["components"], rows, COMPONENT_LIMITS.actionRows);
  rows.forEach((raw, index) => {
    const row = asRecord(raw);
    if (row.type === ACTION_ROW) validateRow(errors, ["components", index], row);
    else if (!options.componentsV2) {
      errors.add(
        ["components", index, "type"],
        "UNION_TYPE_CHOICES",
        'Value of field "type" must be one of (1,).',
      );
    }
  });
}
