import { priorities } from "../kernel/priority.js";
import {
  builtInPolicy,
  builtInPolicyDefaults,
  defaultCalendarsFor,
  defaultSweepInterval,
  defaultSweepIntervalMs,
  type PolicyDefaults,
  type SlaPolicy,
  type SlaSettings,
  type SlaTarget,
} from "../kernel/sla/policy.js";
import type { Problem } from "./problems.js";
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
  known: { calendars: readonly string[] | undefined; services: readonly string[] | undefined },
  problems: Problem[],
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
  for (const priority of priorities) {
    const covered = policies.some((policy) => policy.priority === priority && policy.service === undefined);
    if (!covered) policies.push(builtInPolicy(priority, defaults));
  }
  // Service policies first, so a lookup meets the most specific one before the general one.
  policies.sort((a, b) => Number(a.service === undefined) - Number(b.service === undefined));
  return {
    sweepInterval: declared.sweepInterval?.text ?? defaultSweepInterval,
    sweepIntervalMs: declared.sweepInterval?.ms ?? defaultSweepIntervalMs,
    policies,
    defaultCalendars: defaultCalendarsFor(known.calendars ?? []),
  };
}
