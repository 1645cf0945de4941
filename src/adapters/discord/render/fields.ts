import type { APIEmbedField } from "discord-api-types/v10";
import type { CardField } from "../../../kernel/views/card.js";
import { embedLimits } from "./limits.js";
import { truncate } from "./truncate.js";

// Discord rejects an embed field whose name or value is empty or only whitespace.
const blankName = "\u200b";
const blankValue = "—";

export function embedField(label: string, value: string, inline = false): APIEmbedField {
  const name = truncate(label.trim(), embedLimits.fieldName);
  const text = truncate(value.trim(), embedLimits.fieldValue);
  return { name: name === "" ? blankName : name, value: text === "" ? blankValue : text, inline };
}

/** Discord's timestamp markup: each reader sees the instant in their own time zone. */
export function discordTimestamp(at: Date): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:f>`;
}

export function cardFields(fields: readonly CardField[]): APIEmbedField[] {
  return fields.map((field) =>
    embedField(
      field.label,
      field.at === undefined ? field.value : discordTimestamp(field.at),
      field.inline ?? false,
    ),
  );
}

/** "1 more field not shown", "3 more fields not shown": said in the footer when fields were dropped. */
export function moreNotShown(count: number, singular: string, plural: string): string | undefined {
  if (count <= 0) return undefined;
  return `${count} more ${count === 1 ? singular : plural} not shown`;
}
