import type { ActionStyle } from "../../../kernel/views/card.js";
import type { IncidentAction } from "../model.js";

export interface IncidentActionPresentation {
  readonly label: string;
  readonly style: ActionStyle;
  /** The `/incident` subcommand the action runs; its text equivalent. */
  readonly subcommand: string;
  /** Set when the action needs input first: the form with the subcommand's remaining arguments. */
  readonly form?: string;
  readonly confirm?: string;
}

/** How each incident action appears as a button, and what it runs. */
export const incidentActionPresentation: Readonly<Record<IncidentAction, IncidentActionPresentation>> = {
  acknowledge: { label: "Acknowledge", style: "primary", subcommand: "ack" },
  assign_to_me: { label: "Assign to me", style: "default", subcommand: "assign" },
  assign: { label: "Assign to…", style: "default", subcommand: "assign", form: "incident.assign" },
  add_note: { label: "Add note", style: "default", subcommand: "note", form: "incident.note" },
  change_priority: {
    label: "Change priority",
    style: "default",
    subcommand: "priority",
    form: "incident.priority",
  },
  hold: { label: "Put on hold", style: "default", subcommand: "hold", form: "incident.hold" },
  resume: { label: "Resume", style: "primary", subcommand: "resume" },
  resolve: { label: "Resolve", style: "primary", subcommand: "resolve", form: "incident.resolve" },
  reopen: { label: "Reopen", style: "default", subcommand: "reopen", form: "incident.reopen" },
  close: { label: "Close", style: "default", subcommand: "close" },
  cancel: { label: "Cancel", style: "danger", subcommand: "cancel", form: "incident.cancel" },
  declare_major: {
    label: "Declare major",
    style: "danger",
    subcommand: "major",
    confirm: "Declare a major incident? The major incident process starts and more people are alerted.",
  },
};

const actionIdPrefix = "incident.";

export function incidentActionId(action: IncidentAction): string {
  return `${actionIdPrefix}${action}`;
}

export function incidentActionFromId(id: string): IncidentAction | undefined {
  if (!id.startsWith(actionIdPrefix)) return undefined;
  const action = id.slice(actionIdPrefix.length);
  return Object.hasOwn(incidentActionPresentation, action) ? (action as IncidentAction) : undefined;
}
