import { isRecord, type JsonRecord } from "../json.js";

/**
 * Collects field errors in Discord's nested shape:
 * `{ embeds: { "0": { title: { _errors: [{ code, message }] } } } }`.
 * Array indexes become string keys, and every leaf holds `_errors`.
 */
export class FormErrors {
  private readonly root: JsonRecord = {};

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node = this.root;
    for (const segment of path) {
      const key = String(segment);
      const next = node[key];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: JsonRecord = {};
        node[key] = created;
        node = created;
      }
    }
    const existing = node._errors;
    const list = Array.isArray(existing) ? existing : [];
    list.push({ code, message });
    node._errors = list;
  }

  maxLength(path: ReadonlyArray<string | number>, value: unknown, max: number): void {
    if (typeof value === "string" && value.length > max) {
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
  }

  lengthBetween(path: ReadonlyArray<string | number>, value: unknown, min: number, max: number): void {
    if (typeof value !== "string") {
      this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    } else if (value.length < min || value.length > max) {
      this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
    }
  }

  maxItems(path: ReadonlyArray<string | number>, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
  }

  get empty(): boolean {
    return Object.keys(this.root).length === 0;
  }

  toJSON(): JsonRecord {
    return this.root;
  }
}
