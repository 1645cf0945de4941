export { type RenderCardOptions, renderCard } from "./card.js";
export { SlackRenderError, type SlackRenderErrorCode } from "./errors.js";
export { type RenderFormOptions, renderForm } from "./form.js";
export {
  buttonActionId,
  buttonValue,
  cardActionsBlockId,
  checkboxOnValue,
  fieldActionId,
  fieldBlockId,
  fieldIdFromBlockId,
  formCallbackId,
  formIdFromCallbackId,
} from "./ids.js";
export { slackLimits } from "./limits.js";
export { type RenderListOptions, renderList } from "./list.js";
export type { SlackMessage } from "./message.js";
export { readModalValues, type ViewStateValues } from "./modal-values.js";
export {
  dateToken,
  escapeMrkdwn,
  isSlackUserId,
  mrkdwnLink,
  unescapeSlackText,
  userMention,
} from "./mrkdwn.js";
export { renderNotice } from "./notice.js";
export type { PersonResolver } from "./people.js";
export { postTextMrkdwn } from "./post-text.js";
export { decodePrivateMetadata, encodePrivateMetadata, type ModalMetadata } from "./private-metadata.js";
export { ellipsis, fitText, oneLine } from "./truncate.js";
