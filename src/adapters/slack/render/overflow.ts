/** The line that says what did not fit, so readers know to look elsewhere instead of missing it. */
export function moreNote(count: number, what: string): string | undefined {
  return count > 0 ? `…and ${count} more ${what} not shown` : undefined;
}
