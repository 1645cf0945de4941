/**
 * U+0000 (NUL) cannot be stored as text by PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"),
 * while SQLite stores it and cuts the text short in most tools. It never belongs in what people type, so it
 * is refused before anything is written, with the same words on both engines. It usually arrives by
 * pasting from a binary file or a terminal.
 */
export const nulByteAdvice =
  "contains a NUL character (U+0000), which OpsDesk cannot store. Remove it and send again";

export function hasNulByte(text: string): boolean {
  return text.includes("\u0000");
}

/** The path of the first string (or object key) holding a NUL byte, e.g. `["values", "title"]`, or undefined. */
export function findNulByte(value: unknown, path: readonly string[] = []): readonly string[] | undefined {
  if (typeof value === "string") return hasNulByte(value) ? path : undefined;
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (hasNulByte(key)) return [...path, key];
    const found = findNulByte(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
