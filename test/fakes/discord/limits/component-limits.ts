import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import type { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/components/reference
export const COMPONENT_LIMITS = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  selectOptions: 25,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  /** min_values 0-25, max_values 1-25 on every select (String Select Structure and the other selects). */
  selectValues: 25,
} as const;

type Path = Array<string | number>;

const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const USER_SELECT = 5;
const ROLE_SELECT = 6;
const MENTIONABLE_SELECT = 7;
const CHANNEL_SELECT = 8;
const SELECTS = new Set([STRING_SELECT, USER_SELECT, ROLE_SELECT, MENTIONABLE_SELECT, CHANNEL_SELECT]);
export const isSelect = (type: unknown): boolean => typeof type === "number" && SELECTS.has(type);

// Button Styles: Primary 1, Secondary 2, Success 3, Danger 4, Link 5, Premium 6 (components/reference#button).
const BUTTON_STYLES = [1, 2, 3, 4, 5, 6];
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

/** Select Default Value Structure: the `type` each auto-populated select accepts (components/reference). */
const DEFAULT_VALUE_TYPES: Record<number, readonly string[]> = {
  [USER_SELECT]: ["user"],
  [ROLE_SELECT]: ["role"],
  [MENTIONABLE_SELECT]: ["user", "role"],
  [CHANNEL_SELECT]: ["channel"],
};

/** Snowflakes travel as decimal strings (`SnowflakeType` in discord-api-spec: `^(0|[1-9][0-9]*)$`). */
export const SNOWFLAKE = /^(0|[1-9][0-9]*)$/;

export function notSnowflake(errors: FormErrors, path: Path, value: unknown): void {
  errors.add(path, "NUMBER_TYPE_COERCE", `Value "${String(value)}" is not snowflake.`);
}

export function oneOf(errors: FormErrors, path: Path, value: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) {
    errors.add(path, "BASE_TYPE_CHOICES", `Value must be one of {${allowed.join(", ")}}.`);
  }
}

/**
 * Button rules (components/reference#button): style is one of 1-6; non-link, non-premium buttons must have
 * a custom_id and no url or sku_id; link buttons must have a url and no custom_id; premium buttons must have
 * a sku_id and no custom_id, label or url.
 */
function validateButton(errors: FormErrors, path: Path, button: JsonRecord): void {
  errors.maxLength([...path, "label"], button.label, COMPONENT_LIMITS.buttonLabel);
  const style = button.style;
  oneOf(errors, [...path, "style"], style, BUTTON_STYLES);
  const forbid = (field: string): void => {
    if (button[field] !== undefined && button[field] !== null) {
      errors.add(
        [...path, field],
        "BUTTON_COMPONENT_INVALID_FIELD",
        `A button of style ${String(style)} cannot have a ${field}`,
      );
    }
  };
  if (style === LINK_STYLE) {
    if (typeof button.url !== "string")
      errors.add([...path, "url"], "BASE_TYPE_REQUIRED", "This field is required");
    errors.maxLength([...path, "url"], button.url, COMPONENT_LIMITS.buttonUrl);
    forbid("custom_id");
    return;
  }
  if (style === PREMIUM_STYLE) {
    if (typeof button.sku_id !== "string") {
      errors.add([...path, "sku_id"], "BASE_TYPE_REQUIRED", "This field is required");
    }
    for (const field of ["custom_id", "label", "url", "emoji"]) forbid(field);
    return;
  }
  if (typeof button.custom_id !== "string") {
    errors.add([...path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required");
  } else {
    errors.lengthBetween([...path, "custom_id"], button.custom_id, 1, COMPONENT_LIMITS.customId);
  }
  forbid("url");
  forbid("sku_id");
}

function validateValueCount(
  errors: FormErrors,
  path: Path,
  select: JsonRecord,
): { min: number; max: number } {
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (typeof min !== "number" || !Number.isInteger(min) || min < 0 || min > COMPONENT_LIMITS.selectValues) {
    errors.add(
      [...path, "min_values"],
      "NUMBER_TYPE_MAX",
      `Must be between 0 and ${COMPONENT_LIMITS.selectValues}.`,
    );
  }
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > COMPONENT_LIMITS.selectValues) {
    errors.add(
      [...path, "max_values"],
      "NUMBER_TYPE_MAX",
      `Must be between 1 and ${COMPONENT_LIMITS.selectValues}.`,
    );
  }
  return { min: typeof min === "number" ? min : 1, max: typeof max === "number" ? max : 1 };
}

/**
 * Selects (components/reference#string-select and the auto-populated selects): custom_id 1-100; a string
 * select has 1-25 options with label and value of 1-100 characters; the options marked `default` (a string
 * select's initial choice) number no more than max_values; `default_values` of the auto-populated selects
 * are snowflakes of the select's own kind, "in the range defined by min_values and max_values".
 */
export function validateSelect(errors: FormErrors, path: Path, select: JsonRecord): void {
  errors.lengthBetween([...path, "custom_id"], select.custom_id, 1, COMPONENT_LIMITS.customId);
  errors.maxLength([...path, "placeholder"], select.placeholder, COMPONENT_LIMITS.selectPlaceholder);
  const { min, max } = validateValueCount(errors, path, select);
  if (select.type === STRING_SELECT) {
    const options = asArray(select.options);
    if (options.length === 0) {
      errors.add([...path, "options"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
    }
    errors.maxItems([...path, "options"], options, COMPONENT_LIMITS.selectOptions);
    options.forEach((raw, index) => {
      const option = asRecord(raw);
      const at = [...path, "options", index];
      errors.lengthBetween([...at, "label"], option.label, 1, COMPONENT_LIMITS.optionLabel);
      errors.lengthBetween([...at, "value"], option.value, 1, COMPONENT_LIMITS.optionValue);
      errors.maxLength([...at, "description"], option.description, COMPONENT_LIMITS.optionDescription);
    });
    const defaults = options.filter((option) => asRecord(option).default === true).length;
    if (defaults > max) {
      errors.add(
        [...path, "options"],
        "SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES",
        `The number of default options must be at most max_values (${max})`,
      );
    }
    return;
  }
  if (select.default_values === undefined) return;
  const defaults = asArray(select.default_values);
  const kinds = DEFAULT_VALUE_TYPES[select.type as number] ?? [];
  defaults.forEach((raw, index) => {
    const value = asRecord(raw);
    const at = [...path, "default_values", index];
    oneOf(errors, [...at, "type"], value.type, kinds);
    if (typeof value.id !== "string" || !SNOWFLAKE.test(value.id))
      notSnowflake(errors, [...at, "id"], value.id);
  });
  if (defaults.length < min || defaults.length > max) {
    errors.add(
      [...path, "default_values"],
      "BASE_TYPE_BAD_LENGTH",
      `Must be between ${min} and ${max} in length.`,
    );
  }
}

/**
 * Action Row (components/reference#action-row): in messages it holds 1-5 buttons or a single select, and
 * nothing else (text inputs belong to modals).
 */
function validateRow(errors: FormErrors, path: Path, row: JsonRecord): void {
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

interface Located {
  path: Path;
  customId: string;
}

/** Every custom_id in a component tree with where it sits (rows, labels, sections, containers). */
export function customIdsIn(components: unknown[], path: Path): Located[] {
  const found: Located[] = [];
  const visit = (node: unknown, at: Path): void => {
    if (!isRecord(node)) return;
    if (typeof node.custom_id === "string")
      found.push({ path: [...at, "custom_id"], customId: node.custom_id });
    asArray(node.components).forEach((child, index) => {
      visit(child, [...at, "components", index]);
    });
    if (node.component !== undefined) visit(node.component, [...at, "component"]);
    if (node.accessory !== undefined) visit(node.accessory, [...at, "accessory"]);
  };
  components.forEach((component, index) => {
    visit(component, [...path, index]);
  });
  return found;
}

/**
 * "Multiple components on the same message must not share the same custom_id" (components/reference,
 * Custom ID); the same holds within a modal. The repeat is reported where it occurs.
 */
export function validateUniqueCustomIds(errors: FormErrors, components: unknown[], path: Path): void {
  const seen = new Set<string>();
  for (const { path: at, customId } of customIdsIn(components, path)) {
    if (seen.has(customId)) {
      errors.add(at, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
    }
    seen.add(customId);
  }
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
  validateUniqueCustomIds(errors, rows, ["components"]);
}
