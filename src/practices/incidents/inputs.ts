import { z } from "zod";
import {
  holdReasons,
  type Impact,
  impacts,
  incidentLimits,
  noteVisibilities,
  resolutionCodes,
  type Urgency,
  urgencies,
} from "./model.js";

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} cannot be empty.`)
    .max(max, `${field} is too long: keep it under ${max} characters.`);

/**
 * Every change a person can ask for, validated here whichever way it arrived (button, form, text, typed
 * options). The adapters never decide what is valid.
 */
export const incidentActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("acknowledge") }),
  z.object({ type: z.literal("assign_to_me") }),
  z.object({
    type: z.literal("assign"),
    assigneeId: z.string().min(1).optional(),
    groupId: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal("add_note"),
    body: text("The note", incidentLimits.noteMax),
    visibility: z.enum(noteVisibilities).default("public"),
  }),
  z.object({
    type: z.literal("change_priority"),
    // Absent: unchanged. Filled from the incident as read inside the write's transaction (no stale read).
    impact: z.enum(impacts).optional(),
    urgency: z.enum(urgencies).optional(),
    reason: text("The reason", incidentLimits.reasonMax),
  }),
  z.object({
    type: z.literal("hold"),
    reason: z.enum(holdReasons),
    note: z.string().trim().max(incidentLimits.noteMax).optional(),
  }),
  z.object({ type: z.literal("resume") }),
  z.object({
    type: z.literal("resolve"),
    code: z.enum(resolutionCodes),
    note: text("The resolution note", incidentLimits.noteMax),
  }),
  z.object({ type: z.literal("reopen"), reason: text("The reason", incidentLimits.reasonMax) }),
  z.object({ type: z.literal("close") }),
  z.object({ type: z.literal("cancel"), reason: text("The reason", incidentLimits.reasonMax) }),
  z.object({ type: z.literal("declare_major") }),
]);

export type IncidentActionInput = z.input<typeof incidentActionSchema>;
export type ValidIncidentAction = z.output<typeof incidentActionSchema>;

/** An action ready to decide on: a priority change names both impact and urgency. */
export type DecidableIncidentAction =
  | Exclude<ValidIncidentAction, { type: "change_priority" }>
  | (Extract<ValidIncidentAction, { type: "change_priority" }> & { impact: Impact; urgency: Urgency });

export const createIncidentSchema = z.object({
  title: text("The title", incidentLimits.titleMax),
  description: z
    .string()
    .trim()
    .max(
      incidentLimits.descriptionMax,
      `The description is too long: keep it under ${incidentLimits.descriptionMax} characters.`,
    )
    .default(""),
  impact: z.enum(impacts).default("medium"),
  urgency: z.enum(urgencies).default("medium"),
  serviceId: z.string().trim().min(1).optional(),
  category: z
    .string()
    .trim()
    .max(
      incidentLimits.categoryMax,
      `The category is too long: keep it under ${incidentLimits.categoryMax} characters.`,
    )
    .optional(),
});

export type CreateIncidentInput = z.input<typeof createIncidentSchema>;
