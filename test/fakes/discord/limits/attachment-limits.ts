import { asArray, asRecord } from "../json.js";
import type { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/resources/message#attachment-object: `description` (alt text) is
// 0-1024 characters; a message has at most 10 attachments (Create Message, `files[n]`).
export const ATTACHMENT_LIMITS = { description: 1024, perMessage: 10 } as const;

/** Field errors for a message body's `attachments` (partial attachment objects next to `files[n]`). */
export function attachmentFormErrors(errors: FormErrors, body: unknown): void {
  const attachments = asArray(asRecord(body).attachments);
  errors.maxItems(["attachments"], attachments, ATTACHMENT_LIMITS.perMessage);
  attachments.forEach((raw, index) => {
    errors.maxLength(
      ["attachments", index, "description"],
      asRecord(raw).description,
      ATTACHMENT_LIMITS.description,
    );
  });
}
