import type { ContinuitySettings } from "./continuity-schema.js";
import type { ReleaseSettings } from "./releases-schema.js";
/**
 * The configuration the rest of OpsDesk sees: every default applied, every reference checked and resolved.
 * Nothing downstream has to ask "what if this is missing".
 */

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

import { type Role, roles } from "../kernel/people/actor.js";
// One list of roles: the core's rights checks and the config file share it.
import type { CmdbSettings } from "./cmdb-schema.js";

export const groupRoles = roles;
export type GroupRole = Role;

export const channelPurposes = ["incidents", "approvals", "slaAlerts"] as const;
export type ChannelPurpose = (typeof channelPurposes)[number];

export const serviceTiers = [1, 2, 3, 4] as const;
export type ServiceTier = (typeof serviceTiers)[number];

/** Working time within one local day; minutes are from local midnight, so 24:00 is 1440. */
export interface TimeInterval {
  readonly start: string;
  readonly end: string;
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface BusinessCalendar {
  readonly id: string;
  readonly timezone: string;
  /** Every weekday is present; a closed day has no intervals. Intervals are sorted and do not overlap. */
  readonly hours: Readonly<Record<Weekday, readonly TimeInterval[]>>;
  /** Local dates "YYYY-MM-DD" in the calendar's time zone, sorted, without duplicates. */
  readonly holidays: readonly string[];
}

import type { PriorityMatrix } from "../kernel/priority.js";
import type { SlaSettings } from "../kernel/sla/policy.js";
import type { ChangeSettings } from "./change-settings.js";
import type { ProblemSettings } from "./problems-schema.js";
import type { RequestSettings } from "./request-settings.js";

export type { PriorityMatrix };

export interface Person {
  readonly id: string;
  readonly name: string;
  /** The person's own zone, or the top-level timezone when none is declared. */
  readonly timezone: string;
  readonly slack?: string;
  readonly discord?: string;
}

/** A group member; for a bare platform id (no entry in people) personId is that id, e.g. "slack:U0123ABC". */
export interface GroupMember {
  readonly personId: string;
  readonly name: string;
  readonly slack?: string;
  readonly discord?: string;
}

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly GroupRole[];
  readonly members: readonly GroupMember[];
  /** Person id of the group's lead: SLA breaches escalate to them. */
  readonly lead?: string;
}

export interface ChannelRefs {
  readonly slack?: string;
  readonly discord?: string;
  readonly console?: string;
}

/** Default channels always have a console channel, so the local console can show every kind of post. */
export interface DefaultChannelRefs extends ChannelRefs {
  readonly console: string;
}

export interface Service {
  readonly id: string;
  readonly name: string;
  /** 1 is the most critical. */
  readonly tier: ServiceTier;
  /** Id of the owning group. */
  readonly owner?: string;
  /** Id of the business calendar its SLAs run on, when it differs from the policy's. */
  readonly calendar?: string;
  readonly channels: ChannelRefs;
  /** Where its SLA warnings and breaches go, when not the default slaAlerts channel. */
  readonly slaAlerts?: ChannelRefs;
  /** Ids of the services this one needs to work; never cyclic. */
  readonly dependsOn: readonly string[];
}

export interface OpsdeskConfig {
  readonly timezone: string;
  /** Always contains "24x7"; keyed by calendar id. */
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  readonly priorityMatrix: PriorityMatrix;
  readonly people: readonly Person[];
  readonly groups: readonly Group[];
  readonly services: readonly Service[];
  readonly channels: Readonly<Record<ChannelPurpose, DefaultChannelRefs>>;
  readonly changes: ChangeSettings;
  /** Go/no-go votes and how long a deployment stays a suspect for new incidents. */
  readonly releases: ReleaseSettings;
  /** Service continuity plans per business service, and how often they are drilled. */
  readonly continuity: ContinuitySettings;
  /** The service catalog (requests practice). */
  readonly requests: RequestSettings;
  /** CI types added to the built-in ones, and the scheduled Backstage import. */
  readonly cmdb: CmdbSettings;
  /** The asset channel: licence, seat and warranty warnings (the console's defaults to #assets). */
  readonly assets: { readonly channels: DefaultChannelRefs };
  /** Problem managers and the recurring-incident window. */
  readonly problems: ProblemSettings;
  /** SLA policies and the sweep interval; every priority has a policy. */
  readonly sla: SlaSettings;
  /** Weekly digests of reports. */
  readonly reports: ReportsSettings;
}

export interface ReportsSettings {
  readonly digests: readonly DigestSettings[];
}

/** A weekly digest: these reports, over this period, posted to this channel on a day and time of the desk. */
export interface DigestSettings {
  readonly id: string;
  readonly reports: readonly ("sla" | "incidents" | "changes" | "backlog")[];
  readonly period: "7d" | "30d" | "90d";
  readonly service?: string;
  readonly channel: ChannelRefs;
  readonly day: Weekday;
  /** "09:00" on the desk's time zone. */
  readonly time: string;
}
