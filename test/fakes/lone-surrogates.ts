// Lone UTF-16 surrogates: what a string cut by UTF-16 index leaves behind when the cut falls inside an emoji.
// JSON.stringify writes one as an escape (`"\ud83d"`), which is valid JSON but not valid Unicode: the platforms
// decode request bodies to UTF-8 strings, where an unpaired surrogate cannot exist. Both fakes refuse such a
// body (each with its platform's answer, see the callers), so a test notices the cut instead of production.

export interface LoneSurrogate {
  /** JSON pointer of the string (or object key) holding it, e.g. `/blocks/0/text/text`. */
  pointer: string;
  /** UTF-16 index of the lone code unit inside that string. */
  index: number;
  /** The code unit as `U+D83D`. */
  codeUnit: string;
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function inString(text: string, pointer: string): LoneSurrogate | undefined {
  const match = LONE.exec(text);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0).toString(16).toUpperCase();
  return { pointer, index: match.index, codeUnit: `U+${unit}` };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The first lone surrogate in a parsed JSON value (strings and object keys), depth first. */
export function findLoneSurrogate(value: unknown, pointer = ""): LoneSurrogate | undefined {
  if (typeof value === "string") return inString(value, pointer);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLoneSurrogate(item, `${pointer}/${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      const found = inString(key, at) ?? findLoneSurrogate(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A surrogate written straight into the bytes (UTF-8 style: ED A0..BF xx, as a lax encoder produces) or
 * percent-encoded in a form body (`%ED%A0%BD`). Node decodes such bytes to U+FFFD, so they are looked for
 * before decoding.
 */
export function hasEncodedSurrogate(raw: Buffer): boolean {
  for (let i = 0; i + 1 < raw.length; i += 1) {
    const next = raw[i + 1] ?? 0;
    if (raw[i] === 0xed && next >= 0xa0 && next <= 0xbf) return true;
  }
  return /%ED%[AB][0-9A-F]/i.test(raw.toString("latin1"));
}

export function describeLoneSurrogate(found: LoneSurrogate): string {
  return `lone surrogate ${found.codeUnit} at index ${found.index} of ${found.pointer || "/"} is not valid Unicode`;
}
