// Block Kit limits as documented in Slack's Block Kit reference (docs.slack.dev/reference/block-kit/…).
// Violations are reported the way the Web API reports them: one message per problem with a JSON pointer,
// e.g. "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]".

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

function checkOptions(value: unknown, pointer: string, out: Violation[]): void {
  if (!Array.isArray(value)) return;
  checkMaxItems(value, pointer, LIMITS.selectOptions, out);
  value.forEach((option, i) => {
    if (!isRecord(option)) return;
    checkTextObject(option.text, `${pointer}/${i}/text`, LIMITS.optionText, out, true);
    checkString(option.value, `${pointer}/${i}/value`, LIMITS.optionValue, out);
  });
}

const checkElement: Check = (element, pointer, out) => {
  if (!isRecord(element)) {
    out.push({ pointer, message: "must provide an object" });
    return;
  }
  if (typeof element.type !== "string") {
    out.push({ pointer: `${pointer}/type`, message: "must provide a string" });
    return;
  }
  checkString(element.action_id, `${pointer}/action_id`, LIMITS.actionId, out);
  checkPlainText(element.placeholder, `${pointer}/placeholder`, LIMITS.placeholder, out);
  if (element.type === "button") {
    checkPlainText(element.text, `${pointer}/text`, LIMITS.buttonText, out, true);
    checkString(element.value, `${pointer}/value`, LIMITS.buttonValue, out);
    checkString(element.url, `${pointer}/url`, LIMITS.url, out);
  }
  checkOptions(element.options, `${pointer}/options`, out);
};

const blockChecks: Record<string, Check> = {
  section(block, pointer, out) {
    if (!isRecord(block)) return;
    checkTextObject(block.text, `${pointer}/text`, LIMITS.sectionText, out);
    if (Array.isArray(block.fields)) {
      checkMaxItems(block.fields, `${pointer}/fields`, LIMITS.sectionFields, out);
      block.fields.forEach((field, i) => {
        checkTextObject(field, `${pointer}/fields/${i}`, LIMITS.sectionFieldText, out, true);
      });
    }
    // A section needs text or fields (Block Kit reference, section block).
    if (block.text === undefined && block.fields === undefined) {
      out.push({ pointer, message: "must provide either text or fields" });
    }
    if (block.accessory !== undefined) checkElement(block.accessory, `${pointer}/accessory`, out);
  },
  header(block, pointer, out) {
    if (!isRecord(block)) return;
    checkPlainText(block.text, `${pointer}/text`, LIMITS.headerText, out, true);
  },
  actions(block, pointer, out) {
    if (!isRecord(block)) return;
    if (!Array.isArray(block.elements)) {
      out.push({ pointer: `${pointer}/elements`, message: "must provide an array" });
      return;
    }
    checkMaxItems(block.elements, `${pointer}/elements`, LIMITS.actionsElements, out);
    block.elements.forEach((element, i) => {
      checkElement(element, `${pointer}/elements/${i}`, out);
    });
  },
  context(block, pointer, out) {
    if (!isRecord(block) || !Array.isArray(block.elements)) return;
    checkMaxItems(block.elements, `${pointer}/elements`, LIMITS.contextElements, out);
  },
  input(block, pointer, out) {
    if (!isRecord(block)) return;
    checkPlainText(block.label, `${pointer}/label`, LIMITS.inputLabel, out, true);
    checkPlainText(block.hint, `${pointer}/hint`, LIMITS.hint, out);
    checkElement(block.element, `${pointer}/element`, out);
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
  blocks.forEach((block, i) => {
    const at = `${pointer}/${i}`;
    if (!isRecord(block) || typeof block.type !== "string") {
      out.push({ pointer: `${at}/type`, message: "must provide a string" });
      return;
    }
    checkString(block.block_id, `${at}/block_id`, LIMITS.blockId, out);
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
