import { InvalidTransitionError } from "../../kernel/errors.js";
import type { IncidentAction, IncidentStatus } from "./model.js";

/**
 * The incident state machine (ITIL incident lifecycle): new → in progress → on hold ⇄ in progress →
 * resolved → closed, reopen from resolved, cancel before resolution. Which actions each state allows;
 * `major` and assignment details are checked by the decisions themselves.
 */
const allowed: Record<IncidentStatus, readonly IncidentAction[]> = {
  new: [
    "acknowledge",
    "assign_to_me",
    "assign",
    "add_note",
    "change_priority",
    "hold",
    "resolve",
    "resolve_fixed_by_problem",
    "cancel",
    "declare_major",
  ],
  in_progress: [
    "assign_to_me",
    "assign",
    "add_note",
    "change_priority",
    "hold",
    "resolve",
    "resolve_fixed_by_problem",
    "cancel",
    "declare_major",
  ],
  on_hold: [
    "assign_to_me",
    "assign",
    "add_note",
    "change_priority",
    "resume",
    "resolve",
    "resolve_fixed_by_problem",
    "cancel",
    "declare_major",
  ],
  resolved: ["add_note", "reopen", "close"],
  closed: [],
  cancelled: [],
};

export const openStatuses: readonly IncidentStatus[] = ["new", "in_progress", "on_hold"];

export function actionsAllowedIn(status: IncidentStatus): readonly IncidentAction[] {
  return allowed[status];
}

const verbs: Record<IncidentAction, string> = {
  acknowledge: "acknowledge",
  assign_to_me: "take",
  assign: "assign",
  add_note: "add a note to",
  change_priority: "change the priority of",
  hold: "put on hold",
  resume: "resume",
  resolve: "resolve",
  resolve_fixed_by_problem: "resolve",
  reopen: "reopen",
  close: "close",
  cancel: "cancel",
  declare_major: "declare a major incident for",
};

/** What the person can do instead, by state: the refusal should point somewhere useful. */
const hints: Record<IncidentStatus, string> = {
  new: "Acknowledge it first.",
  in_progress: "It is being worked on.",
  on_hold: "Resume it first.",
  resolved: "Use Reopen to work on it again.",
  closed: "Closed incidents cannot change; raise a new incident instead.",
  cancelled: "Cancelled incidents cannot change; raise a new incident instead.",
};

const statusWords: Record<IncidentStatus, string> = {
  new: "new",
  in_progress: "in progress",
  on_hold: "on hold",
  resolved: "resolved",
  closed: "closed",
  cancelled: "cancelled",
};

export function describeStatus(status: IncidentStatus): string {
  return statusWords[status];
}

export function assertActionAllowed(ref: string, status: IncidentStatus, action: IncidentAction): void {
  if (allowed[status].includes(action)) return;
  throw new InvalidTransitionError(
    `${ref} is ${statusWords[status]}, so you cannot ${verbs[action]} it. ${hints[status]}`,
  );
}
