import * as z from "zod";
import { expectedMessage, quoteList } from "./messages.js";
import { closestMatch } from "./suggest.js";

export type PathSegment = string | number;

/** One thing wrong with the file, anchored to the path of the offending value (or, `at: "key"`, its key). */
export interface ConfigProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly at?: "key" | "value";
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closestMatch(key, known);
  if (suggestion !== undefined) return `unknown key; did you mean "${suggestion}"?`;
  return `unknown key; the keys allowed here are ${quoteList(known)}`;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses one value and words every failure for the operator. Zod reports unknown keys without the keys it
 * would have accepted, so the error map notes them while the object schema is still at hand.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  basePath: readonly PathSegment[],
): Validation<z.output<Schema>> {
  const knownKeys = new Map<string, readonly string[]>();
  const result = schema.safeParse(value, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys" && issue.inst instanceof z.ZodObject) {
        knownKeys.set(pathKey(issue.path ?? []), Object.keys(issue.inst.shape));
        return undefined;
      }
      if (issue.code === "invalid_type") return expectedMessage(`a ${issue.expected}`, issue.input);
      return undefined;
    },
  });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => toProblems(issue, basePath, knownKeys)),
  };
}

function toProblems(
  issue: z.core.$ZodIssue,
  basePath: readonly PathSegment[],
  knownKeys: ReadonlyMap<string, readonly string[]>,
): ConfigProblem[] {
  const path = [...basePath, ...issue.path.map(toSegment)];
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys.get(pathKey(issue.path)) ?? [];
    return issue.keys.map((key) => ({
      path: [...path, key],
      at: "key",
      message: unknownKeyMessage(key, known),
    }));
  }
  if (issue.code === "invalid_key") {
    // The key's own schema explains what is wrong with it; the record's "Invalid key" says nothing.
    return [{ path, at: "key", message: issue.issues[0]?.message ?? issue.message }];
  }
  return [{ path, message: issue.message }];
}

function toSegment(segment: PropertyKey): PathSegment {
  return typeof segment === "number" ? segment : String(segment);
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(toSegment));
}
