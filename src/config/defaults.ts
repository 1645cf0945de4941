import { itilPriorityMatrix } from "../kernel/priority.js";
import { defaultSlaSettings } from "../kernel/sla/policy.js";
import { alwaysOpenCalendar, buildCalendar, type WeeklyHoursInput } from "./calendars.js";
import { defaultChangeSettings } from "./change-settings.js";
import { defaultContinuitySettings } from "./continuity-schema.js";
import { defaultProblemSettings } from "./problems-schema.js";
import { defaultReleaseSettings } from "./releases-schema.js";
import { emptyRequestSettings } from "./request-settings.js";
import type {
  ChannelPurpose,
  ChannelRefs,
  DefaultChannelRefs,
  OpsdeskConfig,
  PriorityMatrix,
} from "./types.js";

export const DEFAULT_TIMEZONE = "UTC";

/** ITIL's usual 3x3 (defined with the rule in the core): P1 only when impact and urgency are both high. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = itilPriorityMatrix;

export const DEFAULT_CONSOLE_CHANNELS: Readonly<Record<ChannelPurpose, string>> = {
  incidents: "#incidents",
  approvals: "#approvals",
  slaAlerts: "#sla-alerts",
};

export const BUSINESS_CALENDAR_ID = "business";

const nineToFive: [string, string][] = [["09:00", "17:00"]];

/** Monday to Friday, 09:00-17:00: what "business hours" means when nobody has said otherwise. */
export const BUSINESS_WEEK_HOURS = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
} satisfies WeeklyHoursInput;

/**
 * What OpsDesk runs with when there is no opsdesk.yaml: enough to try every command in the local console.
 * A file that leaves a section out gets the same section from here, so this is also what an empty file means.
 * There are deliberately no people, groups or services: invented ones would show up in real desks that
 * simply forgot the file, and the console's users are not people an operator declared.
 */
export function defaultConfig(): OpsdeskConfig {
  return {
    timezone: DEFAULT_TIMEZONE,
    calendars: {
      [alwaysOpenCalendar(DEFAULT_TIMEZONE).id]: alwaysOpenCalendar(DEFAULT_TIMEZONE),
      [BUSINESS_CALENDAR_ID]: buildCalendar(BUSINESS_CALENDAR_ID, DEFAULT_TIMEZONE, BUSINESS_WEEK_HOURS, []),
    },
    priorityMatrix: DEFAULT_PRIORITY_MATRIX,
    people: [],
    groups: [],
    services: [],
    channels: defaultChannels({}),
    changes: defaultChangeSettings(),
    releases: defaultReleaseSettings(),
    continuity: defaultContinuitySettings(),
    requests: emptyRequestSettings(),
    cmdb: { types: [] },
    assets: { channels: { console: "#assets" } },
    problems: defaultProblemSettings(),
    sla: defaultSlaSettings(),
    reports: { digests: [] },
  };
}

export function defaultChannels(
  declared: Partial<Record<ChannelPurpose, ChannelRefs>>,
): Readonly<Record<ChannelPurpose, DefaultChannelRefs>> {
  const withConsole = (purpose: ChannelPurpose): DefaultChannelRefs => ({
    ...declared[purpose],
    console: declared[purpose]?.console ?? DEFAULT_CONSOLE_CHANNELS[purpose],
  });
  return {
    incidents: withConsole("incidents"),
    approvals: withConsole("approvals"),
    slaAlerts: withConsole("slaAlerts"),
  };
}
