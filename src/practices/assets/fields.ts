import { ValidationError } from "../../kernel/errors.js";

/** `2399`, `2399.00`, `2.399,00` is refused: the cost in cents. */
export function parseCost(text: string | undefined): number | null {
  if (!text?.trim()) return null;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new ValidationError(`"${text}" is not a cost. Write it like 2399 or 2399.50.`);
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** `2027-06-30` as the end of that day in UTC (a warranty runs through its last day). */
export function parseDay(text: string | undefined, what: string): Date | null {
  if (!text?.trim()) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(`${text.trim()}T23:59:59.000Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text.trim())
    throw new ValidationError(`"${text}" is not a ${what}. Write it like 2027-06-30.`);
  return date;
}

export function parseCount(text: string | undefined, what: string): number | null {
  if (!text?.trim()) return null;
  if (!/^\d{1,6}$/.test(text.trim()))
    throw new ValidationError(`"${text}" is not a number of ${what}. Write it like 25.`);
  return Number(text.trim());
}

export function formatCost(cents: number | null): string {
  return cents === null ? "unknown" : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

export function formatDay(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "—";
}
