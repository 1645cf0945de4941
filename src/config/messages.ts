/**
 * How a problem reads to the operator: what was expected, then what the file actually says, in YAML terms
 * (a "list", a "mapping") rather than JavaScript ones.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) {
    // A short list of plain values is clearer shown than named: got ["09:00"] says what is missing.
    const shown = JSON.stringify(value);
    const plain = value.every((item) => item === null || typeof item !== "object");
    return plain && shown.length <= 40 ? shown : "a list";
  }
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

export function expectedMessage(what: string, got: unknown): string {
  if (got === undefined) return `missing; expected ${what}`;
  return `expected ${what}, got ${describeValue(got)}`;
}

/** A zod `error` option that words every failure of one field the same way. */
export function expecting(what: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => expectedMessage(what, issue.input) };
}

export function quoteList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}
