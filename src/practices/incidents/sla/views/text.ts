import type { SlaClockFigures } from "../../../../kernel/sla/clock/figures.js";
import { slaLine } from "../../../../kernel/sla/clock/text.js";
import type { ClockRule, SlaClockKind } from "../../../../kernel/sla/policy.js";

/** Words for the SLA vocabulary, shared by the card line, /sla show and alerts. */
export const clockKindLabels: Readonly<Record<SlaClockKind, string>> = {
  response: "Response",
  resolution: "Resolution",
};

export { clockStateText, formatInstant } from "../../../../kernel/sla/clock/text.js";

/** The SLA line on an incident's card: the current cycle of each clock. */
export function slaLineText(clocks: readonly SlaClockFigures[]): string {
  return slaLine(clocks, clockKindLabels);
}

/**
 * Which rule produced a clock, for /sla show, naming the policy whose mode decided (on a priority change
 * and on a reopen, the policy the incident has after the change: README "SLAs").
 */
export function clockRuleText(rule: ClockRule): string {
  switch (rule.kind) {
    case "started":
      return "started with the incident";
    case "restarted":
      return `restarted on the change from ${rule.from} to ${rule.to} (${rule.policy} policy: priorityChange restart)`;
    case "recomputed":
      return `recomputed from creation on the change from ${rule.from} to ${rule.to} (${rule.policy} policy: priorityChange recompute)`;
    case "newCycle":
      return `new cycle from the reopen (${rule.policy} policy: reopen newCycle)`;
    case "cumulative":
      return `cumulative: runs on after the reopen, the time resolved counted as paused (${rule.policy} policy: reopen cumulative)`;
  }
}
