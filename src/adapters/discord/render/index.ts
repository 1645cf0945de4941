export { renderCard } from "./card.js";
export { intentColors } from "./colors.js";
export { CustomIdTooLongError, DiscordRenderError, type DiscordRenderErrorCode } from "./errors.js";
export { type RenderedForm, renderForm } from "./form.js";
export {
  type ActionCustomId,
  type DecodedCustomId,
  decodeCustomId,
  encodeActionCustomId,
  encodeFormCustomId,
  type FormCustomId,
} from "./ids.js";
export { componentLimits, embedLimits, messageLimits, modalLimits } from "./limits.js";
export { renderList } from "./list.js";
export type { DiscordMessage, MessageActionRow } from "./message.js";
export { modalToFormSubmission, readModalValues, type SubmittedComponent } from "./modal-values.js";
export { renderNotice } from "./notice.js";
export { type DiscordPostContent, postTextContent } from "./post-text.js";
export { truncate } from "./truncate.js";
