import { InvalidTransitionError } from "../../kernel/errors.js";
import type { ProblemAction, ProblemStatus } from "./model.js";
import { problemStatusLabels } from "./views/labels.js";

/**
 * The problem state machine, ServiceNow's (Problem Management, "Problem states"): new → assess → root cause
 * analysis → fix in progress → resolved → closed, cancel before resolved. Where OpsDesk differs: ServiceNow's
 * "Accept risk" (root cause analysis → resolved) and "Re-analyze" (resolved → root cause analysis) are not
 * offered; a cause, workaround and note may be recorded in any open state; a known error may be published
 * from assess onwards once a cause or workaround is documented (ServiceNow allows it from the same states).
 */
const allowed: Record<ProblemStatus, readonly ProblemAction[]> = {
  new: ["assess", "take", "assign", "add_note", "record_cause", "record_workaround", "cancel"],
  assess: ["analyse", "take", "assign", "add_note", "record_cause", "record_workaround", "publish", "cancel"],
  root_cause_analysis: [
    "start_fix",
    "take",
    "assign",
    "add_note",
    "record_cause",
    "record_workaround",
    "publish",
    "cancel",
  ],
  fix_in_progress: [
    "resolve",
    "take",
    "assign",
    "add_note",
    "record_cause",
    "record_workaround",
    "publish",
    "cancel",
  ],
  resolved: ["close", "add_note", "publish"],
  closed: [],
  cancelled: [],
};

export function actionsAllowedIn(status: ProblemStatus): readonly ProblemAction[] {
  return allowed[status];
}

const verbs: Record<ProblemAction, string> = {
  assess: "assess",
  analyse: "start root cause analysis of",
  take: "take",
  assign: "assign",
  add_note: "add a note to",
  record_cause: "record the root cause of",
  record_workaround: "record a workaround for",
  start_fix: "start the fix of",
  resolve: "resolve",
  close: "close",
  cancel: "cancel",
  publish: "publish a known error from",
};

/** What the person can do instead, by state: the refusal should point somewhere useful. */
const hints: Record<ProblemStatus, string> = {
  new: "Assess it first.",
  assess: "Start the root cause analysis first.",
  root_cause_analysis: "Start the fix first.",
  fix_in_progress: "Resolve it when the fix is in.",
  resolved: "Close it once its incidents are resolved.",
  closed: "Closed problems cannot change; raise a new problem instead.",
  cancelled: "Cancelled problems cannot change; raise a new problem instead.",
};

export function describeProblemStatus(status: ProblemStatus): string {
  return problemStatusLabels[status].toLowerCase();
}

export function assertProblemActionAllowed(ref: string, status: ProblemStatus, action: ProblemAction): void {
  if (allowed[status].includes(action)) return;
  throw new InvalidTransitionError(
    `${ref} is ${describeProblemStatus(status)}, so you cannot ${verbs[action]} it. ${hints[status]}`,
  );
}
