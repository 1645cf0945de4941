import { formatDuration } from "../format-duration.js";
import type { SlaClockKind } from "../policy.js";
import type { SlaClockFigures } from "./figures.js";

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

/** The SLA line on a ticket card: the current cycle of each clock, named as its practice names them. */
export function slaLine(
  clocks: readonly SlaClockFigures[],
  labels: Readonly<Record<SlaClockKind, string>>,
): string {
  return clocks.map((clock) => `${labels[clock.kind]}: ${clockStateText(clock)}`).join(" · ");
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
