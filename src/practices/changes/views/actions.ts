import type { ActionStyle } from "../../../kernel/views/card.js";
import type { ChangeAction } from "../model.js";

export interface ChangeActionPresentation {
  readonly label: string;
  readonly style: ActionStyle;
  /** The `/change` subcommand the action runs; its text equivalent. */
  readonly subcommand: string;
  /** Set when the action needs input first. */
  readonly form?: string;
  readonly confirm?: string;
}

/** How each change action appears as a button, and what it runs. */
export const changeActionPresentation: Readonly<Record<ChangeAction, ChangeActionPresentation>> = {
  submit: { label: "Submit", style: "primary", subcommand: "submit" },
  request_approval: { label: "Request approval", style: "primary", subcommand: "authorize" },
  approve: { label: "Approve", style: "primary", subcommand: "approve" },
  reject: { label: "Reject", style: "danger", subcommand: "reject", form: "change.reject" },
  start: { label: "Start implementation", style: "primary", subcommand: "start" },
  finish: { label: "Finish implementation", style: "primary", subcommand: "finish" },
  close: { label: "Close", style: "default", subcommand: "close", form: "change.close" },
  cancel: { label: "Cancel", style: "danger", subcommand: "cancel", form: "change.cancel" },
  reschedule: { label: "Reschedule", style: "default", subcommand: "reschedule", form: "change.reschedule" },
};

const actionIdPrefix = "change.";

export function changeActionId(action: ChangeAction): string {
  return `${actionIdPrefix}${action}`;
}

export function changeActionFromId(id: string): ChangeAction | undefined {
  if (!id.startsWith(actionIdPrefix)) return undefined;
  const action = id.slice(actionIdPrefix.length);
  return Object.hasOwn(changeActionPresentation, action) ? (action as ChangeAction) : undefined;
}
