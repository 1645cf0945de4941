import { CustomIdTooLongError } from "./errors.js";
import { componentLimits } from "./limits.js";

/**
 * custom_id schemes: the only state a Discord component carries back to us (≤100 characters). Ticket
 * refs travel here so handlers never parse message text.
 *
 *   a:<actionId>:<value>   a card button: run the action on `value` (a ticket ref), or open its form
 *   c:<actionId>:<value>   a card button whose action asks for confirmation first (Discord buttons
 *                          have no confirm dialog; the listener replies with the question and an `a:`
 *                          button)
 *   f:<formId>[:<ref>][:<key>=<value>]…
 *                          a modal: the form to run and its hidden values; `ref`, the usual one, is
 *                          written bare to save room
 *
 * `actionId` and `formId` are core ids such as `incident.resolve`. Values escape `%`, `:` and `=` as
 * `%25`, `%3A`, `%3D`, so any value round-trips; refs like `INC-7` need no escaping.
 */
export interface ActionCustomId {
  readonly kind: "action";
  readonly actionId: string;
  readonly value: string;
  readonly confirm: boolean;
}

export interface FormCustomId {
  readonly kind: "form";
  readonly formId: string;
  readonly hidden: Readonly<Record<string, string>>;
}

export type DecodedCustomId = ActionCustomId | FormCustomId;

const separator = ":";
const bareKey = "ref";

function escapeValue(text: string): string {
  return text.replace(/[%:=]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function unescapeValue(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function checked(customId: string): string {
  if (customId.length > componentLimits.customId) {
    throw new CustomIdTooLongError(customId, componentLimits.customId);
  }
  return customId;
}

function assertId(what: string, id: string): void {
  if (id === "" || /[:=%]/.test(id)) throw new Error(`${what} "${id}" cannot be used in a custom_id`);
}

export function encodeActionCustomId(action: Omit<ActionCustomId, "kind">): string {
  assertId("action id", action.actionId);
  const prefix = action.confirm ? "c" : "a";
  return checked([prefix, action.actionId, escapeValue(action.value)].join(separator));
}

export function encodeFormCustomId(formId: string, hidden: Readonly<Record<string, string>>): string {
  assertId("form id", formId);
  const parts = ["f", formId];
  const ref = hidden[bareKey];
  if (ref !== undefined) parts.push(escapeValue(ref));
  for (const [key, value] of Object.entries(hidden).sort(([a], [b]) => a.localeCompare(b))) {
    if (key === bareKey) continue;
    assertId("hidden key", key);
    parts.push(`${key}=${escapeValue(value)}`);
  }
  return checked(parts.join(separator));
}

function decodeForm(formId: string, segments: readonly string[]): FormCustomId | undefined {
  const hidden: Record<string, string> = {};
  for (const segment of segments) {
    const equals = segment.indexOf("=");
    const key = equals === -1 ? bareKey : segment.slice(0, equals);
    const value = unescapeValue(equals === -1 ? segment : segment.slice(equals + 1));
    if (value === undefined || key === "" || Object.hasOwn(hidden, key)) return undefined;
    hidden[key] = value;
  }
  return { kind: "form", formId, hidden };
}

/** Undefined for ids OpsDesk did not write (another bot's, an older scheme): the listener ignores them. */
export function decodeCustomId(customId: string): DecodedCustomId | undefined {
  const [prefix, id, ...rest] = customId.split(separator);
  if (id === undefined || id === "") return undefined;
  if (prefix === "f") return decodeForm(id, rest);
  if ((prefix !== "a" && prefix !== "c") || rest.length !== 1) return undefined;
  const value = unescapeValue(rest[0] ?? "");
  if (value === undefined) return undefined;
  return { kind: "action", actionId: id, value, confirm: prefix === "c" };
}
