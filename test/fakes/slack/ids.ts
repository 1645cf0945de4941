import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Slack ids are a type letter followed by upper-case alphanumerics (C…, U…, V…). */
export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** trigger_id format documented for views.open's `invalid_trigger_id`: "132456.7890123.abcdef". */
export function triggerId(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString("hex")}`;
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/**
 * Message timestamps are "seconds.microseconds" strings and unique per channel; Slack uses them as message ids.
 * Issued strictly increasing so two posts in the same millisecond still get distinct ts values.
 */
export class TsClock {
  private lastMicros = 0;

  constructor(private readonly now: () => number) {}

  next(): string {
    const micros = Math.max(Math.floor(this.now() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }
}
