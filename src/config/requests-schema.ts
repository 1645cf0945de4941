import * as z from "zod";
import { configDuration, quorum } from "./changes-schema.js";
import { consoleChannel, discordChannelId, displayName, slackChannelId, slug } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";
import { requestFieldTypes } from "./request-settings.js";
import { slaDuration, slaThresholds } from "./sla-schema.js";

/**
 * The `requests:` section of opsdesk.yaml: the service catalog (categories and items, each with its form,
 * approval and fulfilment tasks), where request cards and tasks are posted, managers, and the reopen window.
 * Local rules live here; references to groups, people and categories are checked in resolve-requests.ts.
 */

function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const channelRefs = mapping(
  {
    slack: slackChannelId.optional(),
    discord: discordChannelId.optional(),
    console: consoleChannel.optional(),
  },
  'channel ids per platform like { slack: C0123ABCD, discord: "123456789012345678", console: "#requests" }',
);

/**
 * Field ids are typed in chat (`/request laptop model:pro`) and become form field ids, so they follow the
 * command grammar's option names; the `/request new` options themselves are taken.
 */
export const reservedFieldIds = ["item", "values", "draft", "range"] as const;
const FIELD_ID_EXPECTED = 'a field id of lowercase letters, digits or "_" like "cost_centre"';
const fieldId = z
  .string(expecting(FIELD_ID_EXPECTED))
  .regex(/^[a-z][a-z0-9_]{0,31}$/, expecting(FIELD_ID_EXPECTED))
  .refine((id) => !(reservedFieldIds as readonly string[]).includes(id), {
    error: (issue) =>
      `"${String(issue.input)}" is an option of /request itself; name the field differently (e.g. "${String(issue.input)}_name")`,
  });

const option = z.union(
  [
    z.string(),
    mapping({ value: z.string(expecting("a value")), label: displayName }, "an option like { value, label }"),
  ],
  expecting('an option like "standard" or { value: dev, label: "Developer laptop" }'),
);

const field = mapping(
  {
    id: fieldId,
    label: displayName,
    type: z.enum(requestFieldTypes, expecting(`a field type: ${requestFieldTypes.join(", ")}`)),
    required: z.boolean(expecting("true or false")).default(false),
    default: z
      .union([z.string(), z.number(), z.boolean()], expecting("a default value like 16 or standard"))
      .optional(),
    help: z.string(expecting("a line of help")).optional(),
    options: z.array(option, expecting("a list of options")).optional(),
    pattern: z.string(expecting("a regular expression")).optional(),
    patternHelp: z.string(expecting("what the pattern means, e.g. 4 to 6 digits")).optional(),
    min: z.number(expecting("a number")).optional(),
    max: z.number(expecting("a number")).optional(),
    maxLength: z.number(expecting("a length")).int().min(1).max(3000).optional(),
  },
  "a field with at least id, label and type",
);

const groupStage = mapping(
  { group: slug, quorum: quorum.default({ kind: "count", value: 1 }) },
  "a group approval like { group: it-managers, quorum: 2 }",
);
const STAGE_EXPECTED = 'an approval stage: "manager" or { group: it-managers, quorum: 2 }';
const stage = z.union([z.literal("manager"), groupStage], expecting(STAGE_EXPECTED));

/** `none`, `manager`, one group stage, or a list of stages decided in order. */
const approval = z.union(
  [z.literal("none"), stage, z.array(stage, expecting(`a list of stages, each ${STAGE_EXPECTED}`))],
  expecting("none, manager, { group: …, quorum: … } or a list of those stages in order"),
);

const task = mapping(
  {
    title: displayName,
    group: slug,
    instructions: z.string(expecting("instructions")).default(""),
  },
  "a task with at least title and group",
);

/**
 * An item's service level (ITIL 4 service level management: a request is measured like an incident): time to a
 * first response (an approver's decision or question, a task taken) and to fulfilment, on a business calendar.
 */
const itemSla = mapping(
  {
    response: slaDuration,
    fulfilment: slaDuration,
    calendar: slug.default("business"),
    thresholds: slaThresholds.optional(),
  },
  "an SLA like { response: 4h, fulfilment: 24h, calendar: business }",
);

const item = mapping(
  {
    id: slug,
    name: displayName,
    category: slug,
    description: z.string(expecting("a description")).default(""),
    requestableBy: z.array(slug, expecting("a list of group ids like [staff]")).default([]),
    fields: z.array(field, expecting("a list of fields")).default([]),
    approval: approval.default("none"),
    fulfilment: mapping(
      {
        order: z.enum(["ordered", "parallel"], expecting("ordered or parallel")).default("ordered"),
        tasks: z.array(task, expecting("a list of tasks")).default([]),
      },
      "fulfilment like { order: ordered, tasks: [...] }",
    ).prefault({}),
    sla: itemSla.optional(),
  },
  "a catalog item with at least id, name and category",
);

const category = mapping(
  { id: slug, name: displayName, description: z.string(expecting("a description")).default("") },
  "a category with at least id and name",
);

/**
 * How long an approval may wait before the approver is reminded, and before it is escalated to their
 * manager (or the approving group's lead), in business time on `calendar` read in the approver's own zone.
 */
const approvalDeadline = mapping(
  { remindAfter: slaDuration, escalateAfter: slaDuration, calendar: slug.default("business") },
  "an approval deadline like { remindAfter: 4h, escalateAfter: 8h, calendar: business }",
).refine((deadline) => deadline.escalateAfter.ms > deadline.remindAfter.ms, {
  error: "escalateAfter must be later than remindAfter: the reminder comes first",
  path: ["escalateAfter"],
});

export const requestsSection = mapping(
  {
    approvalDeadline: approvalDeadline.optional(),
    channels: channelRefs.default({}),
    taskChannels: z
      .record(slug, channelRefs, expecting("channels per group id like { service-desk: { slack: C… } }"))
      .default({}),
    managers: z
      .record(slug, slug, expecting("a mapping of person id to manager id like { rita: ada }"))
      .default({}),
    reopenWithin: configDuration.default(5 * 24 * 60),
    categories: z.array(category, expecting("a list of categories")).default([]),
    items: z.array(item, expecting("a list of catalog items")).default([]),
  },
  "service request settings (categories, items, channels, taskChannels, managers, reopenWithin, approvalDeadline)",
);

export type RequestsFileSection = z.output<typeof requestsSection>;
