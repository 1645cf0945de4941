import { DateTime } from "luxon";
import type { RequestField } from "./request-settings.js";

/**
 * One catalog field's value, checked and normalised the same way wherever it comes from: a default in
 * opsdesk.yaml, `/request laptop ram:16`, a form. Stored values are text: a multi-choice is its values
 * joined by commas, yes/no is `yes` or `no`, a date is `YYYY-MM-DD`. People are resolved by the practice
 * (they need the database); here a person value only has to be present.
 */
export type FieldValueCheck = { ok: true; value: string } | { ok: false; problem: string };

const yes = new Set(["true", "yes", "y", "on"]);
const no = new Set(["false", "no", "n", "off"]);

export function checkFieldValue(field: RequestField, raw: string | number | boolean): FieldValueCheck {
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  const fail = (problem: string): FieldValueCheck => ({ ok: false, problem: `${field.label}: ${problem}` });
  switch (field.type) {
    case "text":
    case "longtext": {
      if (text.length > field.maxLength)
        return fail(`too long (${text.length} characters, the limit is ${field.maxLength})`);
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, "u").test(text))
        return fail(`must be ${field.patternHelp ?? `text matching ${field.pattern}`}`);
      return { ok: true, value: text };
    }
    case "choice": {
      const option = field.options.find((o) => o.value.toLowerCase() === text.toLowerCase());
      return option
        ? { ok: true, value: option.value }
        : fail(`must be one of ${field.options.map((o) => o.value).join(", ")}`);
    }
    case "multichoice": {
      const picked = text
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "");
      const values: string[] = [];
      for (const part of picked) {
        const option = field.options.find((o) => o.value.toLowerCase() === part.toLowerCase());
        if (!option)
          return fail(`"${part}" is not a choice; pick from ${field.options.map((o) => o.value).join(", ")}`);
        if (!values.includes(option.value)) values.push(option.value);
      }
      return { ok: true, value: values.join(",") };
    }
    case "number": {
      const number = Number(text);
      if (text === "" || !Number.isFinite(number)) return fail(`must be a number (got "${text}")`);
      if (field.min !== undefined && number < field.min) return fail(`must be at least ${field.min}`);
      if (field.max !== undefined && number > field.max) return fail(`must be at most ${field.max}`);
      return { ok: true, value: String(number) };
    }
    case "date": {
      const date = DateTime.fromFormat(text, "yyyy-MM-dd");
      return date.isValid
        ? { ok: true, value: text }
        : fail(`must be a date like 2026-12-24 (got "${text}")`);
    }
    case "yesno": {
      const word = text.toLowerCase();
      if (yes.has(word)) return { ok: true, value: "yes" };
      if (no.has(word)) return { ok: true, value: "no" };
      return fail(`must be yes or no (got "${text}")`);
    }
    case "person":
      return text === "" ? fail("must name a person") : { ok: true, value: text };
  }
}
