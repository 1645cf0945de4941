import { z } from "zod";
import { changeImpacts, changeLimits, changeRisks, changeTypes, closureCodes } from "./model.js";

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} cannot be empty.`)
    .max(max, `${field} is too long: keep it under ${max} characters.`);

const optionalText = (field: string, max: number) =>
  z.string().trim().max(max, `${field} is too long: keep it under ${max} characters.`).default("");

/**
 * A request for change as it arrives from a form, typed text or Discord options. Dates are the person's
 * wall-clock text ("2026-11-20 22:00"), read in their time zone by createChange.
 */
export const createChangeSchema = z
  .object({
    type: z.enum(changeTypes).default("normal"),
    templateId: z.string().trim().min(1).optional(),
    title: z
      .string()
      .trim()
      .max(changeLimits.titleMax, `The title is too long: keep it under ${changeLimits.titleMax} characters.`)
      .optional(),
    description: optionalText("The description", changeLimits.descriptionMax),
    risk: z.enum(changeRisks).optional(),
    impact: z.enum(changeImpacts).optional(),
    start: z.string().trim().min(1, "The planned start cannot be empty."),
    end: z.string().trim().optional(),
    serviceIds: z
      .array(z.string().trim().min(1))
      .max(changeLimits.servicesMax, `A change can name at most ${changeLimits.servicesMax} services.`)
      .default([]),
    implementationPlan: optionalText("The implementation plan", changeLimits.planMax),
    backoutPlan: optionalText("The backout plan", changeLimits.planMax),
    testPlan: optionalText("The test plan", changeLimits.planMax),
    assigneeId: z.string().min(1).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.type === "standard" && !input.templateId) {
      ctx.addIssue({
        code: "custom",
        message: "A standard change comes from a template: give template:<id> (see /change help).",
      });
    }
    if (input.type !== "standard" && !input.title) {
      ctx.addIssue({ code: "custom", message: "The title cannot be empty." });
    }
    if (input.type !== "standard" && !input.end) {
      ctx.addIssue({ code: "custom", message: "The planned end cannot be empty." });
    }
  });

export type CreateChangeInput = z.input<typeof createChangeSchema>;
export type ValidCreateChange = z.output<typeof createChangeSchema>;

export const changeActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("submit") }),
  z.object({ type: z.literal("request_approval") }),
  z.object({ type: z.literal("start") }),
  z.object({ type: z.literal("finish") }),
  z.object({
    type: z.literal("close"),
    code: z.enum(closureCodes),
    notes: optionalText("The notes", changeLimits.notesMax),
  }),
  z.object({ type: z.literal("cancel"), reason: text("The reason", changeLimits.reasonMax) }),
  z.object({
    type: z.literal("reschedule"),
    start: z.string().trim().min(1).optional(),
    end: z.string().trim().min(1).optional(),
    serviceIds: z
      .array(z.string().trim().min(1))
      .max(changeLimits.servicesMax, `A change can name at most ${changeLimits.servicesMax} services.`)
      .optional(),
  }),
]);

export type ChangeActionInput = z.input<typeof changeActionSchema>;
export type ValidChangeAction = z.output<typeof changeActionSchema>;

export const voteSchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    reason: z
      .string()
      .trim()
      .max(
        changeLimits.reasonMax,
        `The reason is too long: keep it under ${changeLimits.reasonMax} characters.`,
      )
      .optional(),
  })
  .superRefine((vote, ctx) => {
    if (vote.decision === "reject" && !vote.reason) {
      ctx.addIssue({
        code: "custom",
        message: "Say why you reject the change: the requester needs the reason.",
      });
    }
  });

export type VoteInput = z.input<typeof voteSchema>;
