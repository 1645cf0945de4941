/**
 * A card: one ticket (or approval, or alert) shown with its fields and the buttons that act on it.
 * Neutral: renderers turn it into Block Kit, a Discord embed with components, or HTML, and apply the
 * platform's limits themselves (truncating text, splitting action rows).
 */
export type Intent = "danger" | "warning" | "success" | "neutral";

export interface Badge {
  readonly text: string;
  readonly intent: Intent;
}

export interface CardField {
  readonly label: string;
  readonly value: string;
  /** May sit next to other inline fields; a hint, renderers with one column ignore it. */
  readonly inline?: boolean;
  /**
   * The field is this instant: renderers that can show it in each reader's own time zone (Slack date
   * tokens, Discord timestamps) do so; the others show `value`, already written in the best zone known.
   */
  readonly at?: Date;
}

export type ActionStyle = "primary" | "danger" | "default";

export interface CardAction {
  /** Stable id the adapter routes on, e.g. `incident.resolve`. */
  readonly id: string;
  readonly label: string;
  readonly style: ActionStyle;
  /** Sent back when pressed, so the handler knows the ticket without reading the message text. */
  readonly value: string;
  /** The form to open first when the action needs input. */
  readonly requiresInput?: string;
  /** A question to confirm before acting, for actions that alert many people. */
  readonly confirm?: string;
}

export interface CardLink {
  readonly label: string;
  readonly url: string;
}

export interface Card {
  readonly type: "card";
  readonly title: string;
  readonly subtitle?: string;
  readonly badge?: Badge;
  readonly fields: readonly CardField[];
  readonly body?: string;
  readonly context?: string;
  /** Shown in each reader's own time zone by renderers that can (Discord timestamps, Slack date tokens). */
  readonly timestamp?: Date;
  readonly actions: readonly CardAction[];
  readonly links: readonly CardLink[];
}
