import type { CauseCategory, Impact, Priority, ProblemStatus, Urgency } from "../model.js";

/** The words people read for the problem vocabulary: cards, forms, lists, help and Discord's choices. */
export const problemStatusLabels: Readonly<Record<ProblemStatus, string>> = {
  new: "New",
  assess: "Assess",
  root_cause_analysis: "Root cause analysis",
  fix_in_progress: "Fix in progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const causeCategoryLabels: Readonly<Record<CauseCategory, string>> = {
  software: "Software",
  hardware: "Hardware",
  network: "Network",
  configuration: "Configuration",
  capacity: "Capacity",
  third_party: "Third party",
  process: "Process",
  human_error: "Human error",
  unknown: "Unknown",
};

export const priorityLabels: Readonly<Record<Priority, string>> = {
  P1: "P1 · Critical",
  P2: "P2 · High",
  P3: "P3 · Moderate",
  P4: "P4 · Low",
  P5: "P5 · Planning",
};

export const levelLabels: Readonly<Record<Impact & Urgency, string>> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};
