import { asArray, asRecord, isRecord, type JsonRecord } from "../json.js";
import { validateAllowedMentions } from "./allowed-mentions.js";
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
  /** "Can be used to verify a message was sent (up to 25 characters)" (Create Message, `nonce`). */
  nonce: 25,
} as const;

/** An integer nonce is an int64 (`nonce` in discord-api-spec's MessageCreateRequest). */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function validateNonce(errors: FormErrors, nonce: unknown): void {
  if (nonce === undefined || nonce === null) return;
  if (typeof nonce === "string") {
    errors.maxLength(["nonce"], nonce, MESSAGE_LIMITS.nonce);
  } else if (
    typeof nonce !== "number" ||
    !Number.isInteger(nonce) ||
    BigInt(nonce) < INT64_MIN ||
    BigInt(nonce) > INT64_MAX
  ) {
    errors.add(
      ["nonce"],
      "NONCE_TYPE_INVALID",
      "Nonce must be a string of up to 25 characters or an integer",
    );
  }
}

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
      // Embed Field Structure: name and value are required (an empty string is accepted since 2024,
      // discordjs/discord.js#10744; a missing one is "This field is required").
      for (const key of ["name", "value"]) {
        if (typeof field[key] !== "string") {
          errors.add([...path, "fields", fieldIndex, key], "BASE_TYPE_REQUIRED", "This field is required");
        }
      }
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

const IS_COMPONENTS_V2 = 1 << 15;

/** Field errors for a create or edit message body (also interaction callback `data`). */
export function messageFormErrors(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!isRecord(body)) return errors;
  errors.maxLength(["content"], body.content, MESSAGE_LIMITS.content);
  if (Array.isArray(body.embeds)) validateEmbeds(errors, body.embeds);
  const flags = typeof body.flags === "number" ? body.flags : 0;
  const componentsV2 = (flags & IS_COMPONENTS_V2) !== 0;
  if (Array.isArray(body.components)) validateComponents(errors, body.components, { componentsV2 });
  if (componentsV2) {
    // "When the flag IS_COMPONENTS_V2 is set, the message can only contain components" (Create Message).
    for (const field of ["content", "embeds", "sticker_ids", "poll"]) {
      const value = body[field];
      if (
        value !== undefined &&
        value !== null &&
        !(Array.isArray(value) && value.length === 0) &&
        value !== ""
      ) {
        errors.add(
          [field],
          "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
          `The '${field}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2`,
        );
      }
    }
  }
  validateAllowedMentions(errors, body.allowed_mentions);
  validateNonce(errors, body.nonce);
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
