import { type Priority, priorities } from "../kernel/priority.js";
import {
  builtInPolicy,
  builtInPolicyDefaults,
  defaultPolicyCalendars,
  defaultSweepInterval,
  defaultSweepIntervalMs,
  type PolicyDefaults,
  type SlaPolicy,
  type SlaSettings,
  type SlaTarget,
} from "../kernel/sla/policy.js";
import type { ConfigProblem } from "./config-problems.js";
import { checkUnique, unknownReferenceMessage } from "./references.js";
import type { SlaSection } from "./sla-schema.js";

type Shared = Pick<SlaSection, "thresholds" | "pauseOn" | "priorityChange" | "reopen" | "escalation">;

function withDefaults(declared: Shared, base: PolicyDefaults): PolicyDefaults {
  return {
    thresholds: declared.thresholds ?? base.thresholds,
    pauseOn: declared.pauseOn ?? base.pauseOn,
    priorityChange: declared.priorityChange ?? base.priorityChange,
    reopen: declared.reopen ?? base.reopen,
    escalation: {
      groupLead: declared.escalation?.groupLead ?? base.escalation.groupLead,
      ...((declared.escalation?.channel ?? base.escalation.channel)
        ? { channel: declared.escalation?.channel ?? base.escalation.channel }
        : {}),
    },
  };
}

/**
 * Resolves the `sla` section: top-level settings flow into every policy that does not override them,
 * every priority without a general policy gets the built-in one, and references to calendars and services
 * must resolve. Problems are reported at the offending value.
 */
export function resolveSla(
  declared: SlaSection,
  known: {
    calendars: readonly string[] | undefined;
    services: readonly string[] | undefined;
    /** The calendar each service names, if any: a policy for that service falls back to it. */
    serviceCalendars?: ReadonlyMap<string, string | undefined>;
  },
  problems: ConfigProblem[],
): SlaSettings {
  const defaults = withDefaults(declared, builtInPolicyDefaults);
  checkUnique(
    declared.policies,
    {
      keyOf: (policy) => `${policy.priority}${policy.service === undefined ? "" : ` for ${policy.service}`}`,
      pathOf: (index) => ["sla", "policies", index, "priority"],
      clash: (key, first) =>
        `a policy for ${key} is already declared at sla.policies[${first}]; keep one policy per priority and service`,
    },
    problems,
  );
  const checkCalendar = (calendar: string | undefined, path: (string | number)[]) => {
    if (calendar === undefined || known.calendars === undefined || known.calendars.includes(calendar)) return;
    problems.push({
      path,
      message: unknownReferenceMessage("calendar", "calendars", calendar, known.calendars),
    });
  };
  const policies: SlaPolicy[] = declared.policies.map((policy, index) => {
    const path = ["sla", "policies", index];
    if (
      policy.service !== undefined &&
      known.services !== undefined &&
      !known.services.includes(policy.service)
    ) {
      problems.push({
        path: [...path, "service"],
        message: unknownReferenceMessage("service", "services", policy.service, known.services),
      });
    }
    checkCalendar(policy.calendar, [...path, "calendar"]);
    const target = (kind: "response" | "resolution"): SlaTarget => {
      const written = policy[kind];
      checkCalendar(written.calendar, [...path, kind, "calendar"]);
      const calendar = written.calendar ?? policy.calendar;
      return { text: written.text, ms: written.ms, ...(calendar === undefined ? {} : { calendar }) };
    };
    return {
      priority: policy.priority,
      ...(policy.service === undefined ? {} : { service: policy.service }),
      response: target("response"),
      resolution: target("resolution"),
      ...withDefaults(policy, defaults),
    };
  });
  const builtIn: Priority[] = [];
  for (const priority of priorities) {
    const covered = policies.some((policy) => policy.priority === priority && policy.service === undefined);
    if (!covered) {
      policies.push(builtInPolicy(priority, defaults));
      builtIn.push(priority);
    }
  }
  if (known.calendars !== undefined) {
    checkDefaultCalendars(declared, builtIn, { ...known, calendars: known.calendars }, problems);
  }
  // Service policies first, so a lookup meets the most specific one before the general one.
  policies.sort((a, b) => Number(a.service === undefined) - Number(b.service === undefined));
  return {
    sweepInterval: declared.sweepInterval?.text ?? defaultSweepInterval,
    sweepIntervalMs: declared.sweepInterval?.ms ?? defaultSweepIntervalMs,
    policies,
    defaultCalendars: defaultPolicyCalendars,
  };
}

/**
 * A target that names no calendar, on a policy whose service names none either (or on a general policy,
 * which also serves incidents without a service), runs on its priority's default calendar: 24x7 for P1/P2,
 * "business" for P3-P5. When the file declares calendars but none is called that, the target has nowhere
 * to run; it used to fall silently to 24x7 (8 hours from Friday 17:30 came due Friday 23:30, not Monday).
 * Each such policy is reported where it is written; the built-in policies, which are written nowhere, at
 * the `calendars` key, where the missing calendar would go.
 */
function checkDefaultCalendars(
  declared: SlaSection,
  builtIn: readonly Priority[],
  known: { calendars: readonly string[]; serviceCalendars?: ReadonlyMap<string, string | undefined> },
  problems: ConfigProblem[],
): void {
  const missing = (priority: Priority) => !known.calendars.includes(defaultPolicyCalendars[priority]);
  const example = known.calendars.find((id) => id !== "24x7") ?? "24x7";
  declared.policies.forEach((policy, index) => {
    if (!missing(policy.priority) || policy.calendar !== undefined) return;
    if (policy.service !== undefined && known.serviceCalendars?.get(policy.service) !== undefined) return;
    const uncovered = (["response", "resolution"] as const).filter(
      (kind) => policy[kind].calendar === undefined,
    );
    if (uncovered.length === 0) return;
    const calendar = defaultPolicyCalendars[policy.priority];
    const whose = policy.service === undefined ? "" : ` and the service ${policy.service} names none`;
    problems.push({
      path: ["sla", "policies", index, ...(uncovered.length === 1 ? uncovered : [])],
      message: `${uncovered.length === 1 ? `the ${uncovered[0]} target of this ${policy.priority} policy` : `this ${policy.priority} policy`} names no calendar${whose}, so it would run on "${calendar}", the default for ${policy.priority}, which calendars does not declare; add calendar: ${example} (or another declared calendar) to the policy, or declare a calendar named ${calendar}`,
    });
  });
  const relying = builtIn.filter(missing);
  if (relying.length === 0) return;
  const list = relying.length === 1 ? relying[0] : `${relying.slice(0, -1).join(", ")} and ${relying.at(-1)}`;
  problems.push({
    path: ["calendars"],
    at: "key",
    message: `no calendar is named "business", which the built-in ${list} ${relying.length === 1 ? "policy runs" : "policies run"} on (P1 and P2 run on 24x7); declare a calendar named business, or declare sla.policies for ${list} that name a calendar, like { priority: ${relying[0]}, calendar: ${example}, response: 4h, resolution: 24h }`,
  });
}
