import type { CompletionValue } from "../commands/complete-line.js";

/** How many of the newest candidate tickets a suggestion looks through. */
export const suggestionWindow = 200;

/**
 * The tickets among `rows` (newest first) whose number starts with what was typed (`INC-4`, `inc4`, `4`)
 * or whose title contains it, as completions `PREFIX-n` with their label (the title unless given).
 */
export function matchTickets(
  prefix: string,
  typed: string,
  rows: readonly { number: number; title: string; label?: string }[],
): CompletionValue[] {
  const digits = typed.replace(new RegExp(`^${prefix}-?`, "i"), "");
  const lower = typed.toLowerCase();
  return rows
    .filter((row) => String(row.number).startsWith(digits) || row.title.toLowerCase().includes(lower))
    .map((row) => ({ value: `${prefix}-${row.number}`, label: row.label ?? row.title }));
}
