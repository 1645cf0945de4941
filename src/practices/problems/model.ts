/**
 * The vocabulary of problem management (ITIL 4 problem management; the lifecycle is ServiceNow's: new →
 * assess → root cause analysis → fix in progress → resolved → closed, cancel before resolved). Values are
 * stored as strings; these lists are the only source of what is allowed.
 */
import type { PersonRef } from "../../kernel/people/actor.js";
import type { Impact, Priority, Urgency } from "../../kernel/priority.js";

export { type Impact, impacts, type Priority, type Urgency, urgencies } from "../../kernel/priority.js";

export const problemStatuses = [
  "new",
  "assess",
  "root_cause_analysis",
  "fix_in_progress",
  "resolved",
  "closed",
  "cancelled",
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** Still being worked on: a known error can be published, incidents linked, the fix tracked. */
export const openProblemStatuses: readonly ProblemStatus[] = [
  "new",
  "assess",
  "root_cause_analysis",
  "fix_in_progress",
];

/** Where the cause lies (ServiceNow's cause categories, shortened to what a chat choice can show). */
export const causeCategories = [
  "software",
  "hardware",
  "network",
  "configuration",
  "capacity",
  "third_party",
  "process",
  "human_error",
  "unknown",
] as const;
export type CauseCategory = (typeof causeCategories)[number];

/** Everything a person can do to a problem; buttons, text subcommands and forms map onto these. */
export const problemActions = [
  "assess",
  "analyse",
  "take",
  "assign",
  "add_note",
  "record_cause",
  "record_workaround",
  "start_fix",
  "resolve",
  "close",
  "cancel",
  "publish",
] as const;
export type ProblemAction = (typeof problemActions)[number];

/** The kind of every timeline entry and of every event the practice's hooks receive. */
export type ProblemEventKind =
  | "created"
  | "assessed"
  | "analysis_started"
  | "assigned"
  | "note_added"
  | "cause_recorded"
  | "workaround_recorded"
  | "fix_started"
  | "resolved"
  | "closed"
  | "cancelled"
  | "published"
  | "linked"
  | "unlinked"
  | "fix_rolled_back";

export const PROBLEM_PREFIX = "PRB";
export const KNOWN_ERROR_PREFIX = "KE";

export function problemRef(number: number): string {
  return `${PROBLEM_PREFIX}-${number}`;
}

export function knownErrorRef(number: number): string {
  return `${KNOWN_ERROR_PREFIX}-${number}`;
}

/** A problem as the rest of the practice sees it: read-only, platform-neutral. */
export interface ProblemSnapshot {
  id: number;
  number: number;
  ref: string;
  title: string;
  description: string;
  symptom: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  status: ProblemStatus;
  service: { id: string; name: string } | null;
  reporter: PersonRef;
  owner: PersonRef | null;
  group: { id: string; name: string } | null;
  rootCause: string | null;
  causeCategory: CauseCategory | null;
  workaround: string | null;
  resolutionNote: string | null;
  cancelReason: string | null;
  knownError: { number: number; ref: string; status: string } | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

export const problemLimits = {
  titleMax: 150,
  descriptionMax: 3000,
  symptomMax: 1000,
  causeMax: 3000,
  workaroundMax: 3000,
  noteMax: 3000,
  reasonMax: 500,
  /** `incidents:INC-3,INC-5`: a handful, typed by a person. */
  incidentsMax: 20,
} as const;
