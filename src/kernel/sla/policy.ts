import { type Priority, priorities } from "../priority.js";
import { type HoldReason, holdReasons } from "../tickets/hold-reasons.js";
import { MS_PER_HOUR, MS_PER_MINUTE } from "./time-units.js";

/** The two clocks every incident has (ITIL: time to respond, time to resolve). */
export const slaClockKinds = ["response", "resolution"] as const;
export type SlaClockKind = (typeof slaClockKinds)[number];

/** What a priority change does to running clocks: recompute as if the new priority held from creation, or restart. */
export const priorityChangeModes = ["recompute", "restart"] as const;
export type PriorityChangeMode = (typeof priorityChangeModes)[number];

/** What a reopen does to the resolution clock: a new cycle, or carry on with the time resolved counted as paused. */
export const reopenModes = ["newCycle", "cumulative"] as const;
export type ReopenMode = (typeof reopenModes)[number];

/**
 * Which rule made a clock what it is, for `/sla show`. A priority change and a reopen follow the mode of the
 * policy the incident has AFTER the change (its new priority's, or its service's for that priority), never
 * the mode of the policy the clock started under; `policy` names that deciding policy ("P1", "P1 for
 * payments").
 */
export type ClockRule =
  | { readonly kind: "started" }
  | {
      readonly kind: "restarted" | "recomputed";
      readonly from: Priority;
      readonly to: Priority;
      readonly policy: string;
    }
  | { readonly kind: "newCycle" | "cumulative"; readonly policy: string };

/** "P1" or "P1 for payments": how a policy is named in /sla show. */
export function policyName(policy: Pick<SlaPolicy, "priority" | "service">): string {
  return policy.service === undefined ? policy.priority : `${policy.priority} for ${policy.service}`;
}

export interface SlaTarget {
  /** As written in the config ("4h", "PT4H"), for messages. */
  readonly text: string;
  /** Business milliseconds. */
  readonly ms: number;
  /** Calendar id named by the policy; absent means the service's calendar, else the priority's default. */
  readonly calendar?: string;
}

/** Channel ids per platform (the same shape as the config's channel references). */
export interface SlaChannelRefs {
  readonly slack?: string;
  readonly discord?: string;
  readonly console?: string;
}

export interface SlaEscalation {
  /** Mention and privately notify the lead of the incident's group (or the service owner's) on a breach. */
  readonly groupLead: boolean;
  /** Post breaches here as well. */
  readonly channel?: SlaChannelRefs;
}

export interface SlaPolicy {
  readonly priority: Priority;
  /** A service-specific policy wins over the priority's general one. */
  readonly service?: string;
  readonly response: SlaTarget;
  readonly resolution: SlaTarget;
  /** Warning thresholds in percent of the target, ascending, each in (0, 100). */
  readonly thresholds: readonly number[];
  /** Hold reasons that pause both clocks. */
  readonly pauseOn: readonly HoldReason[];
  readonly priorityChange: PriorityChangeMode;
  readonly reopen: ReopenMode;
  readonly escalation: SlaEscalation;
}

export interface SlaSettings {
  /** How often the scheduler runs the SLA sweep, as the scheduler reads it ("30s"), and in ms. */
  readonly sweepInterval: string;
  readonly sweepIntervalMs: number;
  /** Every priority has a general policy (built-in defaults fill the gaps); service policies come first. */
  readonly policies: readonly SlaPolicy[];
  /** The calendar a target runs on when neither the policy nor the service names one. */
  readonly defaultCalendars: Readonly<Record<Priority, string>>;
}

export const defaultSlaThresholds: readonly number[] = [50, 75, 90];
export const defaultSweepInterval = "30s";
export const defaultSweepIntervalMs = 30_000;

/**
 * ITIL-like targets used for any priority the config does not cover: P1 and P2 are worked round the clock,
 * P3 to P5 in business hours (8-hour days, so 24h is three business days).
 */
export const defaultSlaTargets: Readonly<Record<Priority, { response: number; resolution: number }>> = {
  P1: { response: 15 * MS_PER_MINUTE, resolution: 4 * MS_PER_HOUR },
  P2: { response: 30 * MS_PER_MINUTE, resolution: 8 * MS_PER_HOUR },
  P3: { response: 4 * MS_PER_HOUR, resolution: 24 * MS_PER_HOUR },
  P4: { response: 8 * MS_PER_HOUR, resolution: 40 * MS_PER_HOUR },
  P5: { response: 16 * MS_PER_HOUR, resolution: 80 * MS_PER_HOUR },
};

export interface PolicyDefaults {
  readonly thresholds: readonly number[];
  readonly pauseOn: readonly HoldReason[];
  readonly priorityChange: PriorityChangeMode;
  readonly reopen: ReopenMode;
  readonly escalation: SlaEscalation;
}

export const builtInPolicyDefaults: PolicyDefaults = {
  thresholds: defaultSlaThresholds,
  pauseOn: holdReasons,
  priorityChange: "recompute",
  reopen: "newCycle",
  escalation: { groupLead: true },
};

function targetText(ms: number): string {
  return ms % MS_PER_HOUR === 0 ? `${ms / MS_PER_HOUR}h` : `${ms / MS_PER_MINUTE}m`;
}

/** The built-in policy of a priority, with the config's top-level settings. */
export function builtInPolicy(
  priority: Priority,
  defaults: PolicyDefaults = builtInPolicyDefaults,
): SlaPolicy {
  const targets = defaultSlaTargets[priority];
  return {
    priority,
    response: { text: targetText(targets.response), ms: targets.response },
    resolution: { text: targetText(targets.resolution), ms: targets.resolution },
    ...defaults,
  };
}

/**
 * The calendar a target runs on when neither it, its policy nor the incident's service names one: P1 and P2
 * round the clock, P3 to P5 on the calendar called "business". Always these two ids, never a fallback: a
 * config without a "business" calendar that would need it is refused at load (config/sla-resolve.ts), so a
 * P3 never silently runs 24x7 (issue 21).
 */
export const defaultPolicyCalendars: Readonly<Record<Priority, string>> = {
  P1: "24x7",
  P2: "24x7",
  P3: "business",
  P4: "business",
  P5: "business",
};

export function defaultSlaSettings(): SlaSettings {
  return {
    sweepInterval: defaultSweepInterval,
    sweepIntervalMs: defaultSweepIntervalMs,
    policies: priorities.map((priority) => builtInPolicy(priority)),
    defaultCalendars: defaultPolicyCalendars,
  };
}

/** The policy for an incident: the service's own for that priority if declared, else the priority's. */
export function policyFor(settings: SlaSettings, priority: Priority, serviceId: string | null): SlaPolicy {
  const specific =
    serviceId === null
      ? undefined
      : settings.policies.find((policy) => policy.priority === priority && policy.service === serviceId);
  const general = settings.policies.find(
    (policy) => policy.priority === priority && policy.service === undefined,
  );
  return specific ?? general ?? builtInPolicy(priority);
}

/** Which calendar a target runs on: the policy's, else the service's, else the priority's default. */
export function calendarFor(
  settings: SlaSettings,
  policy: SlaPolicy,
  kind: SlaClockKind,
  serviceCalendar: string | undefined,
): string {
  return policy[kind].calendar ?? serviceCalendar ?? settings.defaultCalendars[policy.priority];
}
