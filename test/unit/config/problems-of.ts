import { ConfigError } from "../../../src/config/errors.js";
import { parseConfig } from "../../../src/config/parse.js";

/** Joins lines so each test shows the file exactly as an operator would see it, line numbers included. */
export function yaml(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/** What the operator reads when OpsDesk refuses the file: one line per problem. */
export function problemsOf(text: string): readonly string[] {
  try {
    parseConfig(text, "opsdesk.yaml");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the configuration to be rejected, but it loaded");
}
