/**
 * Ticket references as people type them: `INC-7`, `inc-7`, `#7` or just `7`. Chat users copy whichever form
 * they last saw (card title, thread, spoken aloud), so all of them resolve to the ticket number.
 */
const maxDigits = 9;

export function parseTicketNumber(prefix: string, input: string | number): number | undefined {
  if (typeof input === "number") return Number.isSafeInteger(input) && input > 0 ? input : undefined;
  const pattern = new RegExp(`^(?:${prefix}-|#)?(\\d{1,${maxDigits}})$`, "i");
  const digits = pattern.exec(input.trim())?.[1];
  if (digits === undefined) return undefined;
  const number = Number(digits);
  return number > 0 ? number : undefined;
}
