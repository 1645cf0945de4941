/**
 * Guards for programmatic inputs. These are programming errors (a bad Date from code, not text from a
 * person), so they raise RangeError rather than a user-facing ValidationError.
 */
export function instantOf(date: Date, label: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${label} is not a valid date`);
  return ms;
}

export function assertBusinessDuration(ms: number, label: string): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${label} must be a finite, non-negative number of milliseconds (got ${ms})`);
  }
}
