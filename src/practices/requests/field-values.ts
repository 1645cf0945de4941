import { checkFieldValue } from "../../config/request-field-values.js";
import type { CatalogItem, RequestField } from "../../config/request-settings.js";
import type { Db } from "../../db/client.js";
import { parsePersonMention } from "../../kernel/commands/person-mention.js";
import { tokenize } from "../../kernel/commands/tokenize.js";
import type { Platform } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";

/** What someone typed or submitted for an item's fields, before checking: field id → raw value. */
export type RawValues = Record<string, string | boolean>;

/** Field id → problem, worded for the person; empty when every value is fine. */
export type FieldProblems = Record<string, string>;

/**
 * `values:"model:pro ram:32"` (Discord's one text option) read with the command grammar's own tokenizer,
 * so quoting works the same as on the command line.
 */
export function readValuesText(text: string | undefined): RawValues {
  const values: RawValues = {};
  if (!text) return values;
  for (const token of tokenize(text)) {
    if (token.type === "option") values[token.key.toLowerCase()] = token.value;
  }
  return values;
}

/** Raw values from undeclared options (`/request laptop ram:32`) or form fields. */
export function rawValuesOf(extra: Readonly<Record<string, unknown>> | undefined): RawValues {
  const values: RawValues = {};
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (typeof value === "boolean") values[key.toLowerCase()] = value;
    else if (typeof value === "string" || typeof value === "number")
      values[key.toLowerCase()] = String(value);
  }
  return values;
}

function isBlank(value: string | boolean | undefined): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Checks the values of `fields` (a form's page, or the whole item): unknown keys, required fields, each
 * field's own rules; defaults fill what was left out. People are resolved to person ids (`resolvePeople`).
 */
export function checkValues(
  item: CatalogItem,
  fields: readonly RequestField[],
  raw: RawValues,
  options: { readonly refuseUnknown: boolean },
): { values: Record<string, string>; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const values: Record<string, string> = {};
  if (options.refuseUnknown) {
    const known = item.fields.map((field) => field.id);
    for (const key of Object.keys(raw)) {
      if (!known.includes(key))
        problems[key] = `${key} is not a field of ${item.name}; its fields are ${known.join(", ") || "none"}`;
    }
  }
  for (const field of fields) {
    const value = raw[field.id];
    if (isBlank(value)) {
      if (field.default !== undefined) values[field.id] = field.default;
      else if (field.required) problems[field.id] = `${field.label} is required`;
      continue;
    }
    const checked = checkFieldValue(field, value as string | boolean);
    if (checked.ok) values[field.id] = checked.value;
    else problems[field.id] = checked.problem;
  }
  return { values, problems };
}

/** Person fields hold a platform id or mention as submitted; store the person id behind it. */
export async function resolvePeople(
  db: Db,
  platform: Platform,
  item: CatalogItem,
  values: Record<string, string>,
): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  for (const field of item.fields) {
    const value = values[field.id];
    if (field.type !== "person" || value === undefined) continue;
    const mention = parsePersonMention(value);
    if (!mention) {
      problems[field.id] = `${field.label}: mention a person with @ and pick them from the list`;
      continue;
    }
    const known = await db.person.findUnique({ where: { id: mention.platformId }, select: { id: true } });
    const person =
      known ??
      (await resolveActor(db, { platform, externalId: mention.platformId, displayName: mention.platformId }))
        .person;
    values[field.id] = person.id;
  }
  return problems;
}

/** Problems as one private message, each naming its field (Discord, typed commands). */
export function problemsText(item: CatalogItem, problems: FieldProblems): string {
  const lines = Object.values(problems).map((problem) => `• ${problem}`);
  return `${item.name} was not requested:\n${lines.join("\n")}\nNothing was saved; fix these and try again.`;
}
