// A real pino logger whose JSON lines a test can read: for asserting what OpsDesk told its operator.
import { pino } from "pino";
import type { Logger } from "../../src/log.js";

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

export function captureLog(level = "info"): CapturedLog {
  const written: string[] = [];
  const log = pino({ level }, { write: (line: string) => void written.push(line) });
  return { log, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
