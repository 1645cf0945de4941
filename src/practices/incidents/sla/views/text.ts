import type { SlaClockFigures } from "../../../../kernel/sla/clock/figures.js";
import { formatDuration } from "../../../../kernel/sla/format-duration.js";
import type { ClockRule, SlaClockKind } from "../../../../kernel/sla/policy.js";

/** Words for the SLA vocabulary, shared by the card line, /sla show and alerts. */
export const clockKindLabels: Readonly<Record<SlaClockKind, string>> = {
  response: "Response",
  resolution: "Resolution",
};

/** "2h 10m left", "45m overdue", "met", "breached": the state of one clock in a few words. */
export function clockStateText(figures: SlaClockFigures): string {
  if (figures.status === "stopped") {
    if (figures.stopReason === "superseded") return "replaced by a new clock";
    if (figures.stopReason === "cancelled")
      return figures.breached ? "breached, then cancelled" : "cancelled";
    return figures.breached ? "breached" : "met";
  }
  const time =
    figures.remainingMs >= 0
      ? `${formatDuration(figures.remainingMs)} left`
      : `${formatDuration(-figures.remainingMs)} overdue`;
  const paused = figures.status === "paused" ? "paused, " : "";
  return `${paused}${time} (${figures.percent} %)`;
}

/** The SLA line on a ticket card: the current cycle of each clock. */
export function slaLineText(clocks: readonly SlaClockFigures[]): string {
  return clocks.map((clock) => `${clockKindLabels[clock.kind]}: ${clockStateText(clock)}`).join(" · ");
}

/** "Mon 3 Nov, 14:00 CET": an instant in a reader's zone, for platforms that cannot localise it themselves. */
export function formatInstant(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
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
