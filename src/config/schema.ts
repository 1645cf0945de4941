import * as z from "zod";
import { priorities } from "../kernel/priority.js";
import { ALWAYS_OPEN_CALENDAR_ID } from "./calendars.js";
import { changesSection } from "./changes-schema.js";
import { cmdbSection } from "./cmdb-schema.js";
import { continuitySection } from "./continuity-schema.js";
import { BUSINESS_CALENDAR_ID, BUSINESS_WEEK_HOURS, DEFAULT_TIMEZONE } from "./defaults.js";
import {
  consoleChannel,
  discordChannelId,
  discordUserId,
  displayName,
  endTime,
  isDiscordId,
  isSlackUserId,
  isSlug,
  localDate,
  minutesOfDay,
  slackChannelId,
  slackUserId,
  slug,
  startTime,
  timezone,
} from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";
import { problemsSection } from "./problems-schema.js";
import { releasesSection } from "./releases-schema.js";
import { reportsSection } from "./reports-schema.js";
import { requestsSection } from "./requests-schema.js";
import { slaSection } from "./sla-schema.js";
import { notAPlaceProblem } from "./time-zones.js";
import { groupRoles, serviceTiers } from "./types.js";

/**
 * The shape of opsdesk.yaml, one schema per top-level section so that a mistake in one section does not hide
 * the cross-checks of the others. Local rules (formats, ranges, order within a day) live here; rules that
 * relate one entry to another (ids, references, cycles) live in resolve.ts.
 */

/** A YAML mapping that refuses unknown keys; the loader turns those into "did you mean" messages. */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const interval = z
  .tuple([startTime, endTime], expecting('an interval like ["09:00", "17:00"]'))
  .superRefine(([start, end], ctx) => {
    if (minutesOfDay(start) >= minutesOfDay(end)) {
      ctx.addIssue({
        code: "custom",
        message: `the interval must end after it starts, got ["${start}", "${end}"]; for a shift past midnight, end this day at "24:00" and start the next at "00:00"`,
      });
    }
  });

const dayHours = z
  .array(
    interval,
    expecting('a list of intervals like [["09:00", "12:00"], ["13:00", "17:00"]], or [] when closed'),
  )
  .superRefine((intervals, ctx) => {
    intervals.forEach(([start, end], index) => {
      const previous = intervals[index - 1];
      if (previous === undefined) return;
      const [previousStart, previousEnd] = previous;
      if (minutesOfDay(start) < minutesOfDay(previousStart)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `intervals must be in time order; move ["${start}", "${end}"] before ["${previousStart}", "${previousEnd}"]`,
        });
      } else if (minutesOfDay(start) < minutesOfDay(previousEnd)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `["${start}", "${end}"] overlaps ["${previousStart}", "${previousEnd}"]; start it at "${previousEnd}" or later, or merge the two`,
        });
      }
    });
  });

const weeklyHours = mapping(
  {
    mon: dayHours.optional(),
    tue: dayHours.optional(),
    wed: dayHours.optional(),
    thu: dayHours.optional(),
    fri: dayHours.optional(),
    sat: dayHours.optional(),
    sun: dayHours.optional(),
  },
  'working hours per weekday like { mon: [["09:00", "17:00"]] }',
);

const calendar = mapping(
  {
    timezone: timezone("calendar").optional(),
    // Opts in to a zone that is not a place (EST, Etc/GMT+5): see time-zones.ts for why they are refused.
    allowFixedOffset: z.boolean(expecting("true or false")).optional(),
    hours: weeklyHours,
    holidays: z.array(localDate, expecting('a list of dates like ["2025-12-25"]')).default([]),
  },
  "a calendar with hours (and optionally timezone and holidays)",
).superRefine((declared, ctx) => {
  const zoneProblem =
    declared.timezone === undefined || declared.allowFixedOffset === true
      ? undefined
      : notAPlaceProblem(declared.timezone, "calendar");
  if (zoneProblem !== undefined) ctx.addIssue({ code: "custom", path: ["timezone"], message: zoneProblem });
  const open = Object.values(declared.hours).some(
    (intervals) => intervals !== undefined && intervals.length > 0,
  );
  if (!open) {
    ctx.addIssue({
      code: "custom",
      path: ["hours"],
      message:
        'a calendar with no working hours would stop every SLA clock on it; add at least one interval like mon: [["09:00", "17:00"]]',
    });
  }
});

const calendarId = slug.refine((id) => id !== ALWAYS_OPEN_CALENDAR_ID, {
  error: `${ALWAYS_OPEN_CALENDAR_ID} is built in (every day, all day, no holidays) and cannot be redefined; give your calendar another id`,
});

const priority = z.enum(priorities, expecting("a priority P1, P2, P3, P4 or P5"));

const urgencyRow = mapping(
  { high: priority.optional(), medium: priority.optional(), low: priority.optional() },
  "priorities per urgency like { high: P1, medium: P2, low: P3 }",
);

const person = mapping(
  {
    id: slug,
    name: displayName,
    timezone: timezone("person").optional(),
    slack: slackUserId.optional(),
    discord: discordUserId.optional(),
  },
  "a person with at least id and name",
);

const MEMBER_EXPECTED =
  "a person id from people, or a platform id like slack:U0123ABC or discord:123456789012345678";

function memberProblem(reference: unknown): string {
  if (typeof reference === "string" && reference.startsWith("slack:")) {
    return expectedMessage('a Slack user id after "slack:" like slack:U0123ABC', reference);
  }
  if (typeof reference === "string" && reference.startsWith("discord:")) {
    return expectedMessage('a Discord user id after "discord:" like "discord:123456789012345678"', reference);
  }
  return expectedMessage(MEMBER_EXPECTED, reference);
}

/** A member is written the way people know each other: a declared person, or a raw chat account. */
const memberReference = z.string({ error: (issue) => memberProblem(issue.input) }).refine(
  (reference) => {
    if (reference.startsWith("slack:")) return isSlackUserId(reference.slice("slack:".length));
    if (reference.startsWith("discord:")) return isDiscordId(reference.slice("discord:".length));
    return isSlug(reference);
  },
  { error: (issue) => memberProblem(issue.input) },
);

const group = mapping(
  {
    id: slug,
    name: displayName,
    roles: z
      .array(
        z.enum(groupRoles, expecting("a role: agent, cab or admin")),
        expecting("a list of roles like [agent]"),
      )
      .default([]),
    members: z
      .array(memberReference, expecting('a list of members like [alice, "slack:U0123ABC"]'))
      .default([]),
    // Who SLA breaches escalate to (sla.escalation.groupLead): a person id from people.
    lead: slug.optional(),
  },
  "a group with at least id and name",
);

const channelRefs = mapping(
  {
    slack: slackChannelId.optional(),
    discord: discordChannelId.optional(),
    console: consoleChannel.optional(),
  },
  'channel ids per platform like { slack: C0123ABCD, discord: "123456789012345678", console: "#payments" }',
);

const service = mapping(
  {
    id: slug,
    name: displayName,
    tier: z.literal(serviceTiers, expecting("a tier 1, 2, 3 or 4 (1 is the most critical)")).default(3),
    owner: slug.optional(),
    calendar: slug.optional(),
    channels: channelRefs.default({}),
    // Where this service's SLA warnings and breaches go, when not the default slaAlerts channel.
    slaAlerts: channelRefs.optional(),
    dependsOn: z.array(slug, expecting("a list of service ids like [identity, database]")).default([]),
  },
  "a service with at least id and name",
);

export const fileSections = {
  timezone: timezone("default").default(DEFAULT_TIMEZONE),
  calendars: z
    .record(
      calendarId,
      calendar,
      expecting("a mapping of calendar ids to calendars like { business: { hours: … } }"),
    )
    // Left out, the built-in business calendar stays available; declaring calendars replaces it.
    .default({ [BUSINESS_CALENDAR_ID]: { hours: BUSINESS_WEEK_HOURS, holidays: [] } }),
  priorityMatrix: mapping(
    { high: urgencyRow.optional(), medium: urgencyRow.optional(), low: urgencyRow.optional() },
    "priorities per impact and urgency like { high: { high: P1 } }",
  ).default({}),
  people: z.array(person, expecting("a list of people")).default([]),
  groups: z.array(group, expecting("a list of groups")).default([]),
  services: z.array(service, expecting("a list of services")).default([]),
  channels: mapping(
    {
      incidents: channelRefs.optional(),
      approvals: channelRefs.optional(),
      slaAlerts: channelRefs.optional(),
    },
    "default channels per purpose: incidents, approvals, slaAlerts",
  ).default({}),
  changes: changesSection.prefault({}),
  releases: releasesSection.prefault({}),
  continuity: continuitySection.prefault({}),
  requests: requestsSection.prefault({}),
  cmdb: cmdbSection.prefault({}),
  // Where IT asset warnings go (licences expiring, seats running out, warranties ending).
  assets: mapping(
    { channels: channelRefs.default({}) },
    'asset settings like { channels: { slack: C0123ABCD, console: "#assets" } }',
  ).prefault({}),
  problems: problemsSection.prefault({}),
  sla: slaSection,
  reports: reportsSection.prefault({}),
} as const;

export type FileSection = keyof typeof fileSections;

/** opsdesk.yaml as written, after local validation and defaults, before cross-checks. */
export type OpsdeskFile = { [Section in FileSection]: z.output<(typeof fileSections)[Section]> };
