import * as z from "zod";
import { changeImpacts, changeRisks } from "../kernel/assessment.js";
import { parseDurationMinutes } from "../kernel/commands/duration.js";
import { displayName, endTime, slug, startTime } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";

/**
 * The `changes:` section of opsdesk.yaml: who approves each type of change and how many approvals decide,
 * standard-change templates, blackout windows, maintenance windows per service, and the timing of the
 * scheduled prompts. Local rules live here; references to groups and services are checked in
 * resolve-changes.ts.
 */

function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const DURATION_EXPECTED = "a duration like 30m, 4h, 1h30m or 2d";

/** Whole minutes, written the way people type them in chat. */
export const configDuration = z.string(expecting(DURATION_EXPECTED)).transform((text, ctx) => {
  const minutes = parseDurationMinutes(text);
  if (minutes === undefined) {
    ctx.addIssue({ code: "custom", message: expectedMessage(DURATION_EXPECTED, text) });
    return z.NEVER;
  }
  return minutes;
});

const QUORUM_EXPECTED = 'a number of approvals like 2, or a share of the group like "50%"';

/** `2` (approvals) or `"50%"` (of the approving group, rounded up). */
export const quorum = z
  .union([z.number(), z.string()], expecting(QUORUM_EXPECTED))
  .transform((value, ctx) => {
    if (typeof value === "number") {
      if (Number.isInteger(value) && value >= 1) return { kind: "count" as const, value };
    } else {
      const percent = /^\s*(\d{1,3})\s*%\s*$/.exec(value)?.[1];
      if (percent !== undefined && Number(percent) >= 1 && Number(percent) <= 100) {
        return { kind: "percent" as const, value: Number(percent) };
      }
    }
    ctx.addIssue({ code: "custom", message: expectedMessage(QUORUM_EXPECTED, value) });
    return z.NEVER;
  });

const typeRule = mapping(
  {
    // Left out: everyone in a group with the `cab` role approves.
    approvers: slug.optional(),
    quorum: quorum.default({ kind: "count", value: 1 }),
  },
  "an approval rule like { approvers: cab, quorum: 2 }",
);

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$/;
const localDateTime = z
  .string(expecting('a local date and time like "2026-12-20 00:00"'))
  .regex(LOCAL_DATE_TIME, expecting('a local date and time like "2026-12-20 00:00"'));

const blackout = mapping(
  { name: displayName, start: localDateTime, end: localDateTime },
  'a blackout window like { name: Year-end freeze, start: "2026-12-20 00:00", end: "2027-01-04 00:00" }',
);

const day = z
  .array(
    z.tuple([startTime, endTime], expecting('an interval like ["22:00", "24:00"]')),
    expecting('a list of intervals like [["22:00", "24:00"]]'),
  )
  .optional();

const weeklyWindow = mapping(
  { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
  'maintenance hours per weekday like { sat: [["22:00", "24:00"]], sun: [["00:00", "06:00"]] }',
);

const template = mapping(
  {
    id: slug,
    title: displayName,
    description: z.string(expecting("a description")).default(""),
    services: z.array(slug, expecting("a list of service ids like [payments]")).default([]),
    risk: z.enum(changeRisks, expecting("a risk: low, medium or high")).default("low"),
    impact: z.enum(changeImpacts, expecting("an impact: low, medium or high")).default("low"),
    duration: configDuration.default(60),
    implementationPlan: z.string(expecting("a plan")).default(""),
    backoutPlan: z.string(expecting("a plan")).default(""),
    testPlan: z.string(expecting("a plan")).default(""),
  },
  "a standard change template with at least id and title",
);

export const changesSection = mapping(
  {
    normal: typeRule.prefault({}),
    emergency: typeRule.prefault({}),
    templates: z.array(template, expecting("a list of standard change templates")).default([]),
    blackouts: z.array(blackout, expecting("a list of blackout windows")).default([]),
    maintenanceWindows: z
      .record(slug, weeklyWindow, expecting("maintenance windows per service id like { payments: { … } }"))
      .default({}),
    remindAfter: configDuration.default(240),
    reminderInterval: configDuration.default(240),
    startingSoon: configDuration.default(30),
    agendaTime: startTime.default("09:00"),
  },
  "change management settings (normal, emergency, templates, blackouts, maintenanceWindows, …)",
);

export type ChangesFileSection = z.output<typeof changesSection>;
