import { z } from "zod";
import { causeCategories, impacts, problemLimits, urgencies } from "./model.js";

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} cannot be empty.`)
    .max(max, `${field} is too long: keep it under ${max} characters.`);

const optionalText = (field: string, max: number) =>
  z.string().trim().max(max, `${field} is too long: keep it under ${max} characters.`).default("");

/**
 * Every change a person can ask of a problem, validated here whichever way it arrived (button, form, text,
 * typed options). The adapters never decide what is valid.
 */
export const problemActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assess") }),
  z.object({ type: z.literal("analyse") }),
  z.object({ type: z.literal("take") }),
  z.object({ type: z.literal("assign"), ownerId: z.string().min(1) }),
  z.object({ type: z.literal("add_note"), body: text("The note", problemLimits.noteMax) }),
  z.object({
    type: z.literal("record_cause"),
    cause: text("The root cause", problemLimits.causeMax),
    category: z.enum(causeCategories).default("unknown"),
  }),
  z.object({
    type: z.literal("record_workaround"),
    workaround: text("The workaround", problemLimits.workaroundMax),
  }),
  z.object({ type: z.literal("start_fix") }),
  z.object({ type: z.literal("resolve"), note: text("The resolution note", problemLimits.noteMax) }),
  z.object({ type: z.literal("close") }),
  z.object({ type: z.literal("cancel"), reason: text("The reason", problemLimits.reasonMax) }),
  z.object({ type: z.literal("publish") }),
]);

export type ProblemActionInput = z.input<typeof problemActionSchema>;
export type ValidProblemAction = z.output<typeof problemActionSchema>;

export const createProblemSchema = z.object({
  title: text("The title", problemLimits.titleMax),
  description: optionalText("The description", problemLimits.descriptionMax),
  symptom: optionalText("The symptom", problemLimits.symptomMax),
  impact: z.enum(impacts).default("medium"),
  urgency: z.enum(urgencies).default("medium"),
  serviceId: z.string().trim().min(1).optional(),
  /** Incident references as typed (`INC-3`); the ticket directory reads them. */
  incidents: z
    .array(z.string().trim().min(1))
    .max(
      problemLimits.incidentsMax,
      `Link at most ${problemLimits.incidentsMax} incidents when raising a problem.`,
    )
    .default([]),
});

export type CreateProblemInput = z.input<typeof createProblemSchema>;
export type ValidCreateProblem = z.output<typeof createProblemSchema>;
