import * as z from "zod";
import { isOpsDeskError } from "../kernel/errors.js";
import { priorities } from "../kernel/priority.js";
import { parseSlaDuration } from "../kernel/sla/parse-duration.js";
import { priorityChangeModes, reopenModes } from "../kernel/sla/policy.js";
import { holdReasons } from "../kernel/tickets/hold-reasons.js";
import { IntervalError, parseInterval } from "../scheduler/interval.js";
import { unknownKeyMessage } from "./config-problems.js";
import { consoleChannel, discordChannelId, slackChannelId, slug } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";

/**
 * The `sla` section of opsdesk.yaml: policies per priority (optionally per service), and the settings every
 * policy shares unless it says otherwise. Cross-references (calendars, services) are checked in sla-resolve.ts.
 */

function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const TARGET_EXPECTED = 'a duration like "15m", "4h", "40h" or "PT4H"';

/** A target duration; the parser's own message says why days are refused and what to write instead. */
export const slaDuration = z.string(expecting(TARGET_EXPECTED)).transform((text, ctx) => {
  try {
    return { text: text.trim(), ms: parseSlaDuration(text) };
  } catch (error) {
    ctx.addIssue({ code: "custom", message: isOpsDeskError(error) ? error.userMessage : String(error) });
    return z.NEVER;
  }
});

const targetMapping = mapping(
  { target: slaDuration, calendar: slug.optional() },
  'a target like "4h" or { target: 4h, calendar: business }',
);

type ParsedTarget = { text: string; ms: number; calendar: string | undefined };

/**
 * `4h`, or `{ target: 4h, calendar: business }`. Not a zod union: a union reports "Invalid input" and hides
 * the duration parser's explanation (why days are refused), which is the message the operator needs.
 */
const target = z.unknown().transform((value, ctx): ParsedTarget => {
  const result =
    typeof value === "string"
      ? slaDuration.safeParse(value)
      : targetMapping.safeParse(value, {
          error: (issue) =>
            issue.code === "invalid_type" ? expectedMessage(`a ${issue.expected}`, issue.input) : undefined,
        });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          ctx.addIssue({
            code: "custom",
            message: unknownKeyMessage(key, ["target", "calendar"]),
            path: [key],
          });
        }
      } else {
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      }
    }
    return z.NEVER;
  }
  const parsed = result.data;
  return "target" in parsed
    ? { ...parsed.target, calendar: parsed.calendar }
    : { ...parsed, calendar: undefined };
});

export const slaThresholds = z
  .array(
    z
      .number(expecting("a percentage between 1 and 99 like 75"))
      .int(expecting("a whole percentage like 75"))
      .min(1, expecting("a percentage between 1 and 99 like 75"))
      .max(99, {
        error: (issue) =>
          `expected a percentage between 1 and 99, got ${String(issue.input)}; the breach itself (100 %) is always alerted`,
      }),
    expecting("a list of percentages like [50, 75, 90]"),
  )
  .transform((values) => [...new Set(values)].sort((a, b) => a - b));

const pauseOn = z
  .array(
    z.enum(holdReasons, expecting(`a hold reason: ${holdReasons.join(", ")}`)),
    expecting(`a list of hold reasons like [${holdReasons.join(", ")}], or [] to never pause`),
  )
  .transform((values) => [...new Set(values)]);

const channelRefs = mapping(
  {
    slack: slackChannelId.optional(),
    discord: discordChannelId.optional(),
    console: consoleChannel.optional(),
  },
  'channel ids per platform like { slack: C0123ABCD, discord: "123456789012345678" }',
);

const escalation = mapping(
  { groupLead: z.boolean(expecting("true or false")).optional(), channel: channelRefs.optional() },
  "an escalation like { groupLead: true, channel: { slack: C0123ABCD } }",
);

const shared = {
  thresholds: slaThresholds.optional(),
  pauseOn: pauseOn.optional(),
  priorityChange: z
    .enum(priorityChangeModes, expecting(`one of ${priorityChangeModes.join(", ")}`))
    .optional(),
  reopen: z.enum(reopenModes, expecting(`one of ${reopenModes.join(", ")}`)).optional(),
  escalation: escalation.optional(),
};

const policy = mapping(
  {
    priority: z.enum(priorities, expecting("a priority P1, P2, P3, P4 or P5")),
    service: slug.optional(),
    calendar: slug.optional(),
    response: target,
    resolution: target,
    ...shared,
  },
  "a policy with priority, response and resolution",
);

/** The scheduler's own interval rules (slots must line up across replicas), so what loads also schedules. */
const sweepInterval = z.string(expecting('an interval like "30s", "5s" or "1m"')).transform((text, ctx) => {
  try {
    const interval = parseInterval(text);
    return { text: interval.text, ms: interval.ms };
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof IntervalError ? error.message : String(error) });
    return z.NEVER;
  }
});

export const slaSection = mapping(
  {
    sweepInterval: sweepInterval.optional(),
    ...shared,
    policies: z.array(policy, expecting("a list of SLA policies")).default([]),
  },
  "SLA settings like { policies: [{ priority: P1, response: 15m, resolution: 4h }] }",
).default({ policies: [] });

export type SlaSection = z.output<typeof slaSection>;
