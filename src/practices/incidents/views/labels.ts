import type { HoldReason, Impact, IncidentStatus, Priority, ResolutionCode, Urgency } from "../model.js";

/**
 * The words people read for the incident vocabulary, in one place: cards, forms, lists, help and the
 * choices Discord shows all use these. Priority names follow the usual ITIL priority matrix wording.
 */
export const statusLabels: Readonly<Record<IncidentStatus, string>> = {
  new: "New",
  in_progress: "In progress",
  on_hold: "On hold",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const priorityLabels: Readonly<Record<Priority, string>> = {
  P1: "P1 · Critical",
  P2: "P2 · High",
  P3: "P3 · Moderate",
  P4: "P4 · Low",
  P5: "P5 · Planning",
};

export const impactLabels: Readonly<Record<Impact, string>> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const urgencyLabels: Readonly<Record<Urgency, string>> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const holdReasonLabels: Readonly<Record<HoldReason, string>> = {
  awaiting_caller: "Awaiting caller",
  awaiting_vendor: "Awaiting vendor",
  awaiting_change: "Awaiting change",
};

export const resolutionCodeLabels: Readonly<Record<ResolutionCode, string>> = {
  fixed: "Fixed",
  workaround: "Workaround applied",
  duplicate: "Duplicate",
  not_reproducible: "Not reproducible",
  user_error: "User error",
  resolved_by_caller: "Resolved by caller",
};
