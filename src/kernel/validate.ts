import type { z } from "zod";
import { ValidationError } from "./errors.js";
import { findNulByte, nulByteAdvice } from "./text/nul-byte.js";

/**
 * Parses input with a zod schema and turns failures into one ValidationError whose message a person can
 * act on (the schema's own messages, joined), keeping the zod error as the cause for the log.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Every practice's input passes here, whichever way it arrived (text, options, form, message action).
  const nul = findNulByte(input);
  if (nul) {
    const field = nul.length > 0 ? ` (${nul.join(".")})` : "";
    throw new ValidationError(`Your text${field} ${nulByteAdvice}.`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    if (issue.code === "invalid_value" && "values" in issue) {
      const field = issue.path.join(".");
      return `${field} must be one of ${(issue.values as unknown[]).join(", ")}.`;
    }
    return issue.message.endsWith(".") ? issue.message : `${issue.path.join(".")}: ${issue.message}`;
  });
  throw new ValidationError([...new Set(messages)].join(" "), { cause: result.error });
}
