import { asArray, isRecord } from "../json.js";
import { notSnowflake, oneOf, SNOWFLAKE } from "./component-limits.js";
import type { FormErrors } from "./form-errors.js";

// https://discord.com/developers/docs/resources/message#allowed-mentions-object
// `parse` holds allowed mention types ("users", "roles", "everyone"); `users` and `roles` are arrays of up to
// 100 snowflakes each (unique: `uniqueItems` in discord-api-spec's MessageAllowedMentionsRequest). "The parse
// field is mutually exclusive with the other fields": parse:["users"] together with a users list is "an
// invalid configuration … causing a validation error", likewise roles; an empty or null list is not.
export const ALLOWED_MENTION_LIMITS = { ids: 100 } as const;

const MENTION_TYPES = ["users", "roles", "everyone"] as const;

function validateIds(errors: FormErrors, field: "users" | "roles", ids: unknown[]): void {
  errors.maxItems(["allowed_mentions", field], ids, ALLOWED_MENTION_LIMITS.ids);
  const seen = new Set<unknown>();
  ids.forEach((id, index) => {
    if (typeof id !== "string" || !SNOWFLAKE.test(id))
      notSnowflake(errors, ["allowed_mentions", field, index], id);
    if (seen.has(id)) {
      errors.add(["allowed_mentions", field, index], "BASE_TYPE_UNIQUE", "Values must be unique.");
    }
    seen.add(id);
  });
}

export function validateAllowedMentions(errors: FormErrors, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    errors.add(["allowed_mentions"], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  const parse = asArray(value.parse);
  parse.forEach((type, index) => {
    oneOf(errors, ["allowed_mentions", "parse", index], type, MENTION_TYPES);
  });
  for (const field of ["users", "roles"] as const) {
    const ids = asArray(value[field]);
    validateIds(errors, field, ids);
    if (parse.includes(field) && ids.length > 0) {
      errors.add(
        ["allowed_mentions"],
        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${field}"] and ${field}: [ids...] are mutually exclusive.`,
      );
    }
  }
}
