import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import { validateComponents } from "./component-limits.js";
import { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/resources/message#create-message-jsonform-params
export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
} as const;

function length(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

/** Discord counts these texts towards the 6000-character cap, summed over every embed of the message. */
function embedSize(embed: JsonRecord): number {
  let size = length(embed.title) + length(embed.description);
  size += length(asRecord(embed.footer).text) + length(asRecord(embed.author).name);
  for (const field of asArray(embed.fields)) {
    const record = asRecord(field);
    size += length(record.name) + length(record.value);
  }
  return size;
}

function validateEmbeds(errors: FormErrors, embeds: unknown[]): void {
  errors.maxItems(["embeds"], embeds, MESSAGE_LIMITS.embeds);
  let total = 0;
  embeds.forEach((raw, index) => {
    const embed = asRecord(raw);
    const path = ["embeds", index];
    errors.maxLength([...path, "title"], embed.title, MESSAGE_LIMITS.embedTitle);
    errors.maxLength([...path, "description"], embed.description, MESSAGE_LIMITS.embedDescription);
    errors.maxLength([...path, "footer", "text"], asRecord(embed.footer).text, MESSAGE_LIMITS.footerText);
    errors.maxLength([...path, "author", "name"], asRecord(embed.author).name, MESSAGE_LIMITS.authorName);
    const fields = asArray(embed.fields);
    errors.maxItems([...path, "fields"], fields, MESSAGE_LIMITS.embedFields);
    fields.forEach((rawField, fieldIndex) => {
      const field = asRecord(rawField);
      errors.maxLength([...path, "fields", fieldIndex, "name"], field.name, MESSAGE_LIMITS.fieldName);
      errors.maxLength([...path, "fields", fieldIndex, "value"], field.value, MESSAGE_LIMITS.fieldValue);
    });
    total += embedSize(embed);
  });
  if (total > MESSAGE_LIMITS.embedTotal) {
    errors.add(
      ["embeds"],
      "MAX_EMBED_SIZE_EXCEEDED",
      `Embed size exceeds maximum size of ${MESSAGE_LIMITS.embedTotal}`,
    );
  }
}

/** Field errors for a create or edit message body (also interaction callback `data`). */
export function messageFormErrors(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!isRecord(body)) return errors;
  errors.maxLength(["content"], body.content, MESSAGE_LIMITS.content);
  if (Array.isArray(body.embeds)) validateEmbeds(errors, body.embeds);
  if (Array.isArray(body.components)) {
    const flags = typeof body.flags === "number" ? body.flags : 0;
    validateComponents(errors, body.components, { componentsV2: (flags & 32768) !== 0 });
  }
  return errors;
}

/** Discord rejects a new message with nothing visible in it (code 50006). */
export function isEmptyMessage(body: unknown, fileCount: number): boolean {
  if (fileCount > 0 || !isRecord(body)) return fileCount === 0;
  const hasContent = typeof body.content === "string" && body.content.length > 0;
  const hasEmbeds = asArray(body.embeds).length > 0;
  const hasComponents = asArray(body.components).length > 0;
  const hasStickers = asArray(body.sticker_ids).length > 0;
  return !(hasContent || hasEmbeds || hasComponents || hasStickers || isRecord(body.poll));
}
