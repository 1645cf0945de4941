/**
 * The vocabulary of incident management (ITIL 4, incident management practice). Values are stored as
 * strings in the database; these lists are the only source of what is allowed.
 */

export type { PersonRef } from "../../kernel/people/actor.js";
export {
  type Impact,
  impacts,
  type Priority,
  priorities,
  type Urgency,
  urgencies,
} from "../../kernel/priority.js";
export { type HoldReason, holdReasons } from "../../kernel/tickets/hold-reasons.js";

import type { PersonRef } from "../../kernel/people/actor.js";
import type { Impact, Priority, Urgency } from "../../kernel/priority.js";
import type { HoldReason } from "../../kernel/tickets/hold-reasons.js";

export const incidentStatuses = ["new", "in_progress", "on_hold", "resolved", "closed", "cancelled"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const resolutionCodes = [
  "fixed",
  "workaround",
  "duplicate",
  "not_reproducible",
  "user_error",
  "resolved_by_caller",
] as const;
export type ResolutionCode = (typeof resolutionCodes)[number];

/** Everything a person can do to an incident; buttons, text subcommands and forms map onto these. */
export const incidentActions = [
  "acknowledge",
  "assign_to_me",
  "assign",
  "add_note",
  "change_priority",
  "hold",
  "resume",
  "resolve",
  "reopen",
  "close",
  "cancel",
  "declare_major",
  "resolve_fixed_by_problem",
] as const;
export type IncidentAction = (typeof incidentActions)[number];

/**
 * What can happen to an incident: the kind of every timeline entry and of every event hooks receive. A
 * union, so a misspelt kind in a decision fails to compile instead of silently skipping a hook (SLA clocks
 * that should pause, a card that should update).
 */
export const incidentEventKinds = [
  "created",
  "acknowledged",
  "assigned",
  "note_added",
  "priority_changed",
  "put_on_hold",
  "resumed",
  "resolved",
  "reopened",
  "closed",
  "cancelled",
  "major_declared",
  // A link to an item of another practice was added or removed (src/kernel/tickets/links.ts).
  "linked",
  "unlinked",
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

export const noteVisibilities = ["public", "internal"] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

export const INCIDENT_PREFIX = "INC";

export function incidentRef(number: number): string {
  return `${INCIDENT_PREFIX}-${number}`;
}

/** An incident as the rest of OpsDesk sees it: read-only, platform-neutral. */
export interface IncidentSnapshot {
  id: number;
  number: number;
  ref: string;
  title: string;
  description: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  status: IncidentStatus;
  holdReason: HoldReason | null;
  service: { id: string; name: string } | null;
  category: string | null;
  reporter: PersonRef;
  assignee: PersonRef | null;
  assignedGroup: { id: string; name: string } | null;
  major: boolean;
  resolutionCode: ResolutionCode | null;
  resolutionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

export const incidentLimits = {
  titleMax: 150,
  descriptionMax: 3000,
  noteMax: 3000,
  categoryMax: 60,
  reasonMax: 500,
} as const;
