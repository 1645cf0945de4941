// Block Kit rules as documented in Slack's Block Kit reference (docs.slack.dev/reference/block-kit/…).
// Violations are reported the way the Web API reports them: one message per problem with a JSON pointer,
// e.g. "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]". Where Slack's exact
// wording is not known the message follows the same pattern in plain words.

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2000,
  hint: 2000,
  imageAltText: 2000,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  /** views.open documents `view_too_large` above 250 kB. */
  viewBytes: 250 * 1024,
  // Confirmation dialog object (composition-objects/confirmation-dialog-object).
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  // Overflow menu element: "Maximum number of options is 5, minimum is 2" (block-elements/overflow-menu-element).
  overflowMinOptions: 2,
  overflowMaxOptions: 5,
  // Checkboxes element: "A maximum of 10 options are allowed" (block-elements/checkboxes-element); the radio
  // button group element documents the same 10 (block-elements/radio-button-group-element).
  checkboxOptions: 10,
  radioOptions: 10,
  // Plain-text input element: min_length and max_length at most 3000 (block-elements/plain-text-input-element).
  plainTextInputLength: 3000,
} as const;

export interface Violation {
  pointer: string;
  message: string;
}

type Check = (value: unknown, pointer: string, out: Violation[]) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tooLong(out: Violation[], pointer: string, max: number): void {
  // Slack phrases the limit as "less than max+1".
  out.push({ pointer, message: `must be less than ${max + 1} characters` });
}

function checkString(value: unknown, pointer: string, max: number, out: Violation[], required = false): void {
  if (value === undefined) {
    if (required) out.push({ pointer, message: "must provide a string" });
    return;
  }
  if (typeof value !== "string") {
    out.push({ pointer, message: "must provide a string" });
    return;
  }
  if (value.length > max) tooLong(out, pointer, max);
}

/**
 * Text objects (composition-objects/text-object): type plain_text or mrkdwn and a text of at least one
 * character; Slack refuses an empty one with "must be more than 0 characters".
 */
function checkTextObject(
  value: unknown,
  pointer: string,
  max: number,
  out: Violation[],
  required = false,
): void {
  if (value === undefined) {
    if (required) out.push({ pointer, message: "must provide an object" });
    return;
  }
  if (!isRecord(value)) {
    out.push({ pointer, message: "must provide an object" });
    return;
  }
  if (value.type !== "plain_text" && value.type !== "mrkdwn") {
    out.push({ pointer: `${pointer}/type`, message: "must be one of plain_text, mrkdwn" });
  }
  checkString(value.text, `${pointer}/text`, max, out, true);
  if (value.text === "") out.push({ pointer: `${pointer}/text`, message: "must be more than 0 characters" });
}

function checkPlainText(
  value: unknown,
  pointer: string,
  max: number,
  out: Violation[],
  required = false,
): void {
  checkTextObject(value, pointer, max, out, required);
  if (isRecord(value) && value.type === "mrkdwn") {
    out.push({ pointer: `${pointer}/type`, message: "must be plain_text" });
  }
}

function checkMaxItems(value: unknown[], pointer: string, max: number, out: Violation[]): void {
  if (value.length > max) out.push({ pointer, message: `no more than ${max} items allowed` });
}

function checkMinItems(value: unknown[], pointer: string, min: number, out: Violation[]): void {
  if (value.length < min) out.push({ pointer, message: `at least ${min} items required` });
}

function checkEnum(value: unknown, pointer: string, allowed: readonly string[], out: Violation[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    out.push({ pointer, message: `must be one of ${allowed.join(", ")}` });
  }
}

/** Order-insensitive equality of two JSON values. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameJson(a[key], b[key]));
  }
  return a === b;
}

/** Option objects (composition-objects/option-object): text up to 75 characters, value up to 150. */
function checkOptions(
  value: unknown,
  pointer: string,
  bounds: { min: number; max: number },
  out: Violation[],
): void {
  if (!Array.isArray(value)) {
    out.push({ pointer, message: "must provide an array" });
    return;
  }
  checkMinItems(value, pointer, bounds.min, out);
  checkMaxItems(value, pointer, bounds.max, out);
  value.forEach((option, i) => {
    if (!isRecord(option)) return;
    checkTextObject(option.text, `${pointer}/${i}/text`, LIMITS.optionText, out, true);
    checkString(option.value, `${pointer}/${i}/value`, LIMITS.optionValue, out);
  });
}

/**
 * `initial_option` / `initial_options` must "exactly match" options of the element (select menu element,
 * checkboxes element, radio button group element): an option that is not offered is refused.
 */
function checkInitialOptions(element: Record<string, unknown>, pointer: string, out: Violation[]): void {
  const offered = Array.isArray(element.options)
    ? element.options
    : Array.isArray(element.option_groups)
      ? element.option_groups.flatMap((group) =>
          isRecord(group) && Array.isArray(group.options) ? group.options : [],
        )
      : [];
  const matches = (option: unknown): boolean => offered.some((candidate) => sameJson(candidate, option));
  if (element.initial_option !== undefined && !matches(element.initial_option)) {
    out.push({ pointer: `${pointer}/initial_option`, message: "must match one of the options" });
  }
  if (Array.isArray(element.initial_options)) {
    element.initial_options.forEach((option, i) => {
      if (!matches(option)) {
        out.push({ pointer: `${pointer}/initial_options/${i}`, message: "must match one of the options" });
      }
    });
  }
}

/** Button element and confirmation dialog: `style` is primary or danger; the default style omits the field. */
const STYLES = ["primary", "danger"] as const;

/** Confirmation dialog object: title, text, confirm and deny are required; style primary or danger. */
function checkConfirm(value: unknown, pointer: string, out: Violation[]): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    out.push({ pointer, message: "must provide an object" });
    return;
  }
  checkPlainText(value.title, `${pointer}/title`, LIMITS.confirmTitle, out, true);
  checkTextObject(value.text, `${pointer}/text`, LIMITS.confirmText, out, true);
  checkPlainText(value.confirm, `${pointer}/confirm`, LIMITS.confirmButton, out, true);
  checkPlainText(value.deny, `${pointer}/deny`, LIMITS.confirmButton, out, true);
  checkEnum(value.style, `${pointer}/style`, STYLES, out);
}

const SELECTS = [
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
];
const MULTI_SELECTS = SELECTS.map((type) => `multi_${type}`);

/*
 * Which elements each block takes (block-elements reference, "Works with block types"): actions blocks take
 * interactive elements, section accessories those plus images, input blocks the input elements. Multi-selects
 * are listed for section and input but also accepted in actions blocks (the actions block reference).
 */
const ACTIONS_ELEMENTS = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "overflow",
  "radio_buttons",
  "timepicker",
  "workflow_button",
  ...SELECTS,
  ...MULTI_SELECTS,
]);
const ACCESSORY_ELEMENTS = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "image",
  "overflow",
  "radio_buttons",
  "timepicker",
  "workflow_button",
  ...SELECTS,
  ...MULTI_SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "email_text_input",
  "file_input",
  "number_input",
  "plain_text_input",
  "radio_buttons",
  "rich_text_input",
  "timepicker",
  "url_text_input",
  ...SELECTS,
  ...MULTI_SELECTS,
]);
/** Context block: "An array of image elements and text objects" (blocks/context-block). */
const CONTEXT_ELEMENTS = new Set(["image", "plain_text", "mrkdwn"]);

function checkElement(
  element: unknown,
  pointer: string,
  allowed: ReadonlySet<string>,
  out: Violation[],
): void {
  if (!isRecord(element)) {
    out.push({ pointer, message: "must provide an object" });
    return;
  }
  if (typeof element.type !== "string") {
    out.push({ pointer: `${pointer}/type`, message: "must provide a string" });
    return;
  }
  if (!allowed.has(element.type)) {
    // Slack's answer when an object fits none of the shapes a field accepts.
    out.push({ pointer, message: "failed to match all allowed schemas" });
    return;
  }
  checkString(element.action_id, `${pointer}/action_id`, LIMITS.actionId, out);
  checkPlainText(element.placeholder, `${pointer}/placeholder`, LIMITS.placeholder, out);
  checkConfirm(element.confirm, `${pointer}/confirm`, out);
  const type = element.type;
  if (type === "button") {
    checkPlainText(element.text, `${pointer}/text`, LIMITS.buttonText, out, true);
    checkString(element.value, `${pointer}/value`, LIMITS.buttonValue, out);
    checkString(element.url, `${pointer}/url`, LIMITS.url, out);
    checkEnum(element.style, `${pointer}/style`, STYLES, out);
  } else if (type === "image") {
    checkString(element.alt_text, `${pointer}/alt_text`, LIMITS.imageAltText, out, true);
  } else if (type === "overflow") {
    checkOptions(
      element.options,
      `${pointer}/options`,
      { min: LIMITS.overflowMinOptions, max: LIMITS.overflowMaxOptions },
      out,
    );
  } else if (type === "checkboxes" || type === "radio_buttons") {
    const max = type === "checkboxes" ? LIMITS.checkboxOptions : LIMITS.radioOptions;
    checkOptions(element.options, `${pointer}/options`, { min: 1, max }, out);
    checkInitialOptions(element, pointer, out);
  } else if (type === "static_select" || type === "multi_static_select") {
    // Select menu element: `options` (up to 100) or `option_groups`; one of them is required.
    if (element.option_groups === undefined || element.options !== undefined) {
      checkOptions(element.options, `${pointer}/options`, { min: 1, max: LIMITS.selectOptions }, out);
    }
    checkInitialOptions(element, pointer, out);
  } else if (type === "plain_text_input") {
    checkLength(element.min_length, `${pointer}/min_length`, 0, out);
    checkLength(element.max_length, `${pointer}/max_length`, 1, out);
  }
}

function checkLength(value: unknown, pointer: string, min: number, out: Violation[]): void {
  if (value === undefined) return;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > LIMITS.plainTextInputLength
  ) {
    out.push({ pointer, message: `must be an integer from ${min} to ${LIMITS.plainTextInputLength}` });
  }
}

/**
 * action_id "should be unique among all other action_ids in the containing block" (button element and the
 * other interactive elements); Slack refuses a block that repeats one.
 */
function checkUniqueActionIds(elements: unknown[], pointer: string, out: Violation[]): void {
  const seen = new Set<string>();
  elements.forEach((element, i) => {
    if (!isRecord(element) || typeof element.action_id !== "string") return;
    if (seen.has(element.action_id)) {
      out.push({
        pointer: `${pointer}/${i}/action_id`,
        message: "action_id must be unique within the block",
      });
    }
    seen.add(element.action_id);
  });
}

const blockChecks: Record<string, Check> = {
  section(block, pointer, out) {
    if (!isRecord(block)) return;
    checkTextObject(block.text, `${pointer}/text`, LIMITS.sectionText, out);
    if (Array.isArray(block.fields)) {
      checkMinItems(block.fields, `${pointer}/fields`, 1, out);
      checkMaxItems(block.fields, `${pointer}/fields`, LIMITS.sectionFields, out);
      block.fields.forEach((field, i) => {
        checkTextObject(field, `${pointer}/fields/${i}`, LIMITS.sectionFieldText, out, true);
      });
    }
    // A section needs text or fields (Block Kit reference, section block).
    if (block.text === undefined && block.fields === undefined) {
      out.push({ pointer, message: "must provide either text or fields" });
    }
    if (block.accessory !== undefined)
      checkElement(block.accessory, `${pointer}/accessory`, ACCESSORY_ELEMENTS, out);
  },
  header(block, pointer, out) {
    if (!isRecord(block)) return;
    checkPlainText(block.text, `${pointer}/text`, LIMITS.headerText, out, true);
  },
  // Actions block: "An array of interactive element objects… There is a maximum of 25 elements in each
  // action block" (blocks/actions-block); an empty array is refused.
  actions(block, pointer, out) {
    if (!isRecord(block)) return;
    if (!Array.isArray(block.elements)) {
      out.push({ pointer: `${pointer}/elements`, message: "must provide an array" });
      return;
    }
    checkMinItems(block.elements, `${pointer}/elements`, 1, out);
    checkMaxItems(block.elements, `${pointer}/elements`, LIMITS.actionsElements, out);
    block.elements.forEach((element, i) => {
      checkElement(element, `${pointer}/elements/${i}`, ACTIONS_ELEMENTS, out);
    });
    checkUniqueActionIds(block.elements, `${pointer}/elements`, out);
  },
  // Context block: 1 to 10 image elements or text objects (blocks/context-block).
  context(block, pointer, out) {
    if (!isRecord(block)) return;
    if (!Array.isArray(block.elements)) {
      out.push({ pointer: `${pointer}/elements`, message: "must provide an array" });
      return;
    }
    checkMinItems(block.elements, `${pointer}/elements`, 1, out);
    checkMaxItems(block.elements, `${pointer}/elements`, LIMITS.contextElements, out);
    block.elements.forEach((element, i) => {
      const at = `${pointer}/elements/${i}`;
      if (!isRecord(element) || typeof element.type !== "string" || !CONTEXT_ELEMENTS.has(element.type)) {
        out.push({ pointer: at, message: "failed to match all allowed schemas" });
      } else if (element.type === "image") {
        checkString(element.alt_text, `${at}/alt_text`, LIMITS.imageAltText, out, true);
      } else {
        checkTextObject(element, at, LIMITS.sectionText, out);
      }
    });
  },
  input(block, pointer, out) {
    if (!isRecord(block)) return;
    checkPlainText(block.label, `${pointer}/label`, LIMITS.inputLabel, out, true);
    checkPlainText(block.hint, `${pointer}/hint`, LIMITS.hint, out);
    checkElement(block.element, `${pointer}/element`, INPUT_ELEMENTS, out);
  },
  image(block, pointer, out) {
    if (!isRecord(block)) return;
    checkString(block.alt_text, `${pointer}/alt_text`, LIMITS.imageAltText, out, true);
    checkString(block.image_url, `${pointer}/image_url`, LIMITS.url, out);
  },
  divider() {},
  rich_text() {},
  markdown() {},
  file() {},
  video() {},
};

export function validateBlocks(blocks: unknown, pointer: string, maxBlocks: number): Violation[] {
  const out: Violation[] = [];
  if (!Array.isArray(blocks)) {
    out.push({ pointer, message: "must provide an array" });
    return out;
  }
  checkMaxItems(blocks, pointer, maxBlocks, out);
  // block_id: "should be unique for each message and each iteration of a message" (every block's reference
  // page); a repeated one is refused in messages and views alike ("Block ID needs to be unique").
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `${pointer}/${i}`;
    if (!isRecord(block) || typeof block.type !== "string") {
      out.push({ pointer: `${at}/type`, message: "must provide a string" });
      return;
    }
    checkString(block.block_id, `${at}/block_id`, LIMITS.blockId, out);
    if (typeof block.block_id === "string") {
      if (blockIds.has(block.block_id)) {
        out.push({ pointer: `${at}/block_id`, message: "Block ID needs to be unique" });
      }
      blockIds.add(block.block_id);
    }
    const check = blockChecks[block.type];
    if (!check) {
      out.push({ pointer: `${at}/type`, message: `unsupported type: ${block.type}` });
      return;
    }
    check(block, at, out);
  });
  return out;
}

export function validateView(view: unknown): Violation[] {
  const out: Violation[] = [];
  if (!isRecord(view)) {
    out.push({ pointer: "/view", message: "must provide an object" });
    return out;
  }
  if (view.type !== "modal" && view.type !== "home") {
    out.push({ pointer: "/view/type", message: "must be one of modal, home" });
  }
  const isModal = view.type === "modal";
  checkPlainText(view.title, "/view/title", LIMITS.viewTitle, out, isModal);
  checkPlainText(view.submit, "/view/submit", LIMITS.viewSubmit, out);
  checkPlainText(view.close, "/view/close", LIMITS.viewClose, out);
  checkString(view.private_metadata, "/view/private_metadata", LIMITS.privateMetadata, out);
  checkString(view.callback_id, "/view/callback_id", LIMITS.callbackId, out);
  checkString(view.external_id, "/view/external_id", LIMITS.externalId, out);
  out.push(...validateBlocks(view.blocks, "/view/blocks", LIMITS.blocksPerView));
  // A modal with input blocks needs a submit button (Block Kit reference, modal view "submit" field).
  const hasInputs = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === "input");
  if (isModal && hasInputs && view.submit === undefined) {
    out.push({ pointer: "/view/submit", message: "must provide submit when inputs are present" });
  }
  return out;
}

/** The `messages` Slack puts in `response_metadata` for these errors. */
export function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => `[ERROR] ${v.message} [json-pointer:${v.pointer}]`);
}
