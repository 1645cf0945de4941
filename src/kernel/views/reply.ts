import type { Card, Form, List, Notice } from "./index.js";

/**
 * What an adapter must show the person who acted, in neutral terms. Public posts (cards in channels)
 * never travel here: they go through the outbox in the transaction of the change.
 */
export type Reply =
  /** A private message: confirmation, refusal, help. */
  | { kind: "notice"; notice: Notice }
  /** A private card or list, e.g. /incident show, /incident list. */
  | { kind: "view"; view: Card | List }
  /** Open a form (Slack modal, Discord modal, console dialog). */
  | { kind: "form"; form: Form }
  /** A submitted form had invalid fields: show each message next to its field and keep the form open. */
  | { kind: "field_errors"; errors: Record<string, string> };

export function privateNotice(tone: Notice["tone"], text: string): Reply {
  return { kind: "notice", notice: { type: "notice", tone, text } };
}
