/**
 * Slack's Block Kit limits, owned by the renderer: everything it emits is cut or capped to these, so a post
 * never fails on length. Counted in UTF-16 code units, as Slack's API validation does (an emoji outside
 * the Basic Multilingual Plane counts as two).
 * Sources: docs.slack.dev/reference/block-kit (blocks, block elements, composition objects) and
 * docs.slack.dev/surfaces/modals; the test fake in test/fakes/slack checks the same numbers.
 */
export const slackLimits = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  /** Text objects in context blocks follow the general text object limit. */
  contextText: 3000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  url: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  /** plain_text_input refuses a max_length above 3000. */
  plainTextInputMaxLength: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  /**
   * chat.postMessage truncates `text` beyond 40 000 characters; the fallback only feeds notifications and
   * screen readers, where a short line serves better.
   */
  fallbackText: 3000,
} as const;
