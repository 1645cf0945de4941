import type { z } from "zod";
import { ValidationError } from "./errors.js";

/**
 * Parses input with a zod schema and turns failures into one ValidationError whose message a person can
 * act on (the schema's own messages, joined), keeping the zod error as the cause for the log.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
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
